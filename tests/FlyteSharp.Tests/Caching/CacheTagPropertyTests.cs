using CsCheck;
using Flyteidl.Core;
using FlyteSharp.Caching;
using FlyteSharp.Hashing;
using Google.Protobuf;

namespace FlyteSharp.Tests.Caching;

public sealed class CacheTagPropertyTests
{
    [Fact]
    public void Fast_path_equals_the_descriptor_driven_hash_of_the_hashified_map() =>
        Gen.Select(LiteralGenerators.LiteralMaps, LiteralGenerators.Text.Array[0, 3]).Sample((inputs, ignored) =>
        {
            Span<byte> fast = stackalloc byte[32];
            CacheTag.ComputeHash(inputs, ignored, fast);
            var generic = ProtoObjectHash.Default.Compute(CacheTag.Hashify(inputs, ignored));
            Assert.Equal(Convert.ToHexString(generic), Convert.ToHexString(fast));
        }, iter: 400);

    [Fact]
    public void Fast_literal_hash_equals_the_descriptor_driven_hash() =>
        LiteralGenerators.Literals.Sample(literal =>
        {
            var fast = new byte[32];
            LiteralHashing.HashLiteral(literal, fast);
            Assert.Equal(Convert.ToHexString(ProtoObjectHash.Default.Compute(literal)), Convert.ToHexString(fast));
        }, iter: 400);

    [Fact]
    public void Hashing_the_rendered_jsonpb_text_gives_the_same_hash() =>
        LiteralGenerators.LiteralMaps.Sample(inputs =>
        {
            var text = CanonicalJson.Render(inputs);
            Assert.Equal(Convert.ToHexString(ObjectHash.OfJson(text)), Convert.ToHexString(ProtoObjectHash.Default.Compute(inputs)));
        }, iter: 300);

    [Fact]
    public void Map_key_order_never_changes_a_tag() =>
        LiteralGenerators.Entries(LiteralGenerators.Literals, 8)
            .SelectMany(entries => Gen.Shuffle(Distinct(entries)).Select(shuffled => (entries: Distinct(entries), shuffled)))
            .Sample(pair =>
            {
                var original = LiteralGenerators.ToMap(pair.entries);
                var reordered = LiteralGenerators.ToMap(pair.shuffled);
                Assert.Equal(CacheTag.Compute(original), CacheTag.Compute(reordered));

                // Nor does a trip through the wire format.
                Assert.Equal(CacheTag.Compute(original), CacheTag.Compute(LiteralMap.Parser.ParseFrom(reordered.ToByteArray())));
            }, iter: 200);

    [Fact]
    public void Ignored_inputs_never_change_a_tag() =>
        Gen.Select(LiteralGenerators.LiteralMaps, LiteralGenerators.Entries(LiteralGenerators.Literals, 4)).Sample((inputs, extra) =>
        {
            var extended = inputs.Clone();
            var ignored = new List<string>();
            foreach (var (name, literal) in extra)
            {
                var ignoredName = "ignored:" + name;
                extended.Literals[ignoredName] = literal;
                ignored.Add(ignoredName);
            }

            Assert.Equal(CacheTag.Compute(inputs), CacheTag.Compute(extended, ignored));
            Assert.Equal(CacheTag.Compute(inputs, ignored), CacheTag.Compute(extended, ignored));
        }, iter: 200);

    [Fact]
    public void A_literal_carrying_a_hash_is_keyed_by_that_hash_alone() =>
        Gen.Select(LiteralGenerators.Literals, LiteralGenerators.Literals, LiteralGenerators.Text.Where(t => t.Length > 0)).Sample((first, second, hash) =>
        {
            var a = first.Clone();
            var b = second.Clone();
            a.Hash = hash;
            b.Hash = hash;
            b.Metadata["other"] = "metadata";

            Assert.Equal(CacheTag.Compute(Map(("x", a))), CacheTag.Compute(Map(("x", b))));

            // Also inside the collections and maps hashify rebuilds.
            var inList = new Literal { Collection = new LiteralCollection { Literals = { first.Clone(), a } } };
            var inListOther = new Literal { Collection = new LiteralCollection { Literals = { first.Clone(), b } } };
            Assert.Equal(CacheTag.Compute(Map(("x", inList))), CacheTag.Compute(Map(("x", inListOther))));
            var inMap = new Literal { Map = Map(("k", a)) };
            var inMapOther = new Literal { Map = Map(("k", b)) };
            Assert.Equal(CacheTag.Compute(Map(("x", inMap))), CacheTag.Compute(Map(("x", inMapOther))));
        }, iter: 200);

    [Fact]
    public void Different_values_give_different_tags() =>
        Gen.Select(Gen.Long, Gen.Long).Where((a, b) => a != b).Sample((a, b) =>
            Assert.NotEqual(CacheTag.Compute(Map(("x", Integer(a)))), CacheTag.Compute(Map(("x", Integer(b))))));

    [Fact]
    public void Collection_metadata_is_dropped_but_scalar_metadata_counts()
    {
        var plainList = new Literal { Collection = new LiteralCollection { Literals = { Integer(1) } } };
        var listWithMetadata = plainList.Clone();
        listWithMetadata.Metadata["origin"] = "upstream";
        Assert.Equal(CacheTag.Compute(Map(("x", plainList))), CacheTag.Compute(Map(("x", listWithMetadata))));

        var scalarWithMetadata = Integer(1);
        scalarWithMetadata.Metadata["origin"] = "upstream";
        Assert.NotEqual(CacheTag.Compute(Map(("x", Integer(1)))), CacheTag.Compute(Map(("x", scalarWithMetadata))));
    }

    [Fact]
    public void Nil_empty_and_all_ignored_inputs_share_the_empty_map_tag()
    {
        const string EmptyMapTag = "flyte_cached-GKw-c0PwFokMUQ6T-TUmEWnZ4_VlQ2Qpgw-vCTT0-OQ";
        Assert.Equal(EmptyMapTag, CacheTag.Compute(null));
        Assert.Equal(EmptyMapTag, CacheTag.Compute(new LiteralMap()));
        Assert.Equal(EmptyMapTag, CacheTag.Compute(Map(("a", Integer(1))), ["a"]));
        Assert.NotEqual(EmptyMapTag, CacheTag.Compute(Map(("a", Integer(1))), ["A"]));
    }

    [Fact]
    public void Ignored_names_match_exactly_and_only_at_the_top_level()
    {
        var nested = new Literal { Map = Map(("a", Integer(1))) };
        Assert.NotEqual(CacheTag.Compute(Map(("m", nested))), CacheTag.Compute(Map(("m", new Literal { Map = new LiteralMap() }))));
        Assert.Equal(CacheTag.Compute(Map(("m", nested))), CacheTag.Compute(Map(("m", nested)), ["a"]));
        Assert.Equal(CacheTag.Compute(Map(("m", nested))), CacheTag.Compute(Map(("m", nested)), ["m "]));

        // A comparer on the caller's collection must not loosen the match.
        var caseInsensitive = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "M" };
        Assert.Equal(CacheTag.Compute(Map(("m", nested))), CacheTag.Compute(Map(("m", nested)), caseInsensitive));
        var many = Enumerable.Range(0, 20).Select(i => "M" + i).Append("m").ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Equal(CacheTag.Compute(new LiteralMap()), CacheTag.Compute(Map(("m", nested)), many));
    }

    [Fact]
    public void Bad_literals_are_refused_with_the_path_of_the_culprit()
    {
        var badTime = new Literal { Scalar = new Scalar { Primitive = new Primitive { Datetime = new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = 1, Nanos = -1 } } } };
        var inList = new Literal { Collection = new LiteralCollection { Literals = { Integer(1), badTime } } };
        var error = Assert.Throws<CacheKeyException>(() => CacheTag.Compute(Map(("when", inList))));
        Assert.Contains("literals[\"when\"].collection.literals[1].scalar.primitive.datetime", error.Message, StringComparison.Ordinal);

        var kindless = new Google.Protobuf.WellKnownTypes.Struct { Fields = { ["k"] = new Google.Protobuf.WellKnownTypes.Value() } };
        var document = new Literal { Scalar = new Scalar { Generic = kindless } };
        error = Assert.Throws<CacheKeyException>(() => CacheTag.Compute(Map(("doc", document))));
        Assert.Contains("generic[\"k\"]", error.Message, StringComparison.Ordinal);

        var badDuration = new Literal { Scalar = new Scalar { Primitive = new Primitive { Duration = new Google.Protobuf.WellKnownTypes.Duration { Seconds = 1, Nanos = -5 } } } };
        Assert.Throws<CacheKeyException>(() => CacheTag.Compute(Map(("d", badDuration))));

        // An ignored input is not rendered at all, so it cannot fail the key (as in Flyte).
        Assert.Equal(CacheTag.Compute(new LiteralMap()), CacheTag.Compute(Map(("d", badDuration)), ["d"]));

        // Neither is the value behind a hash.
        var hashed = badDuration.Clone();
        hashed.Hash = "h";
        Assert.Equal(CacheTag.Compute(Map(("d", new Literal { Hash = "h" }))), CacheTag.Compute(Map(("d", hashed))));
    }

    [Fact]
    public void Very_deep_literals_are_a_clear_error()
    {
        var literal = Integer(1);
        for (var i = 0; i < 100_000; i++)
        {
            literal = new Literal { Collection = new LiteralCollection { Literals = { literal } } };
        }

        Assert.Throws<CacheKeyException>(() => CacheTag.Compute(Map(("deep", literal))));
    }

    [Fact]
    public void Large_collections_and_maps_use_pooled_buffers_and_still_agree()
    {
        var list = new LiteralCollection();
        var map = new LiteralMap();
        for (var i = 0; i < 5000; i++)
        {
            list.Literals.Add(Integer(i));
            map.Literals["k" + i] = Integer(i);
        }

        var inputs = Map(("list", new Literal { Collection = list }), ("map", new Literal { Map = map }));
        Assert.Equal(
            CacheTag.Prefix + Base64Url.Encode(ProtoObjectHash.Default.Compute(CacheTag.Hashify(inputs))),
            CacheTag.Compute(inputs));
    }

    [Fact]
    public void Explain_lists_every_input_with_its_own_hash()
    {
        var hashed = Integer(2);
        hashed.Hash = "abc";
        var inputs = Map(("b", hashed), ("a", Integer(1)), ("skip", Integer(3)));
        var explanation = CacheTag.Explain(inputs, ["skip"]);

        Assert.Equal(CacheTag.Compute(inputs, ["skip"]), explanation.Tag);
        Assert.Equal(["a", "b", "skip"], explanation.Inputs.Select(i => i.Name));
        Assert.True(explanation.Inputs[2].Ignored);
        Assert.Null(explanation.Inputs[2].Hash);
        Assert.Equal("{\"hash\":\"abc\"}", explanation.Inputs[1].CanonicalJson);
        Assert.Equal(Base64Url.Encode(ObjectHash.OfJson("{\"scalar\":{\"primitive\":{\"integer\":\"1\"}}}")), explanation.Inputs[0].Hash);
        Assert.Equal(
            "{\"literals\":{\"a\":{\"scalar\":{\"primitive\":{\"integer\":\"1\"}}},\"b\":{\"hash\":\"abc\"}}}",
            explanation.CanonicalJson);
    }

    [Fact]
    public void Native_and_bcl_sha256_agree() =>
        Gen.Byte.Array[0, 5000].Sample(bytes =>
        {
            var native = new byte[32];
            var bcl = new byte[32];
            ObjectHashDigest.Compute((byte)'u', bytes, native);
            ObjectHashDigest.ComputeWithBcl((byte)'u', bytes, bcl);
            Assert.Equal(bcl, native);
        }, iter: 300);

    [Fact]
    public void A_map_entry_without_a_value_on_the_wire_is_an_empty_literal_as_in_go()
    {
        // LiteralMap { literals: entry { key: "a" } } with the value field missing.
        var parsed = LiteralMap.Parser.ParseFrom([0x0a, 0x03, 0x0a, 0x01, (byte)'a']);
        Assert.Equal(new Literal(), parsed.Literals["a"]);
        Assert.Equal(
            CacheTag.Prefix + Base64Url.Encode(ObjectHash.OfJson("{\"literals\":{\"a\":{}}}")),
            CacheTag.Compute(parsed));
    }

    [Fact]
    public void Cached_key_hashes_are_exact_even_when_slots_collide() =>
        LiteralGenerators.Text.Array[1, 600].Sample(keys =>
        {
            var cached = new byte[32];
            var direct = new byte[32];
            foreach (var key in keys.Concat(keys.Reverse()))
            {
                KeyHashCache.Hash(key, cached);
                LeafHash.OfString(key, direct);
                Assert.Equal(direct, cached);
            }
        }, iter: 50);

    private static Literal Integer(long value) => new() { Scalar = new Scalar { Primitive = new Primitive { Integer = value } } };

    private static LiteralMap Map(params (string Key, Literal Value)[] entries) => LiteralGenerators.ToMap(entries);

    private static List<(string Key, Literal Value)> Distinct((string Key, Literal Value)[] entries) =>
        entries.GroupBy(e => e.Key, StringComparer.Ordinal).Select(g => g.Last()).ToList();
}
