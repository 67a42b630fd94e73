using Flyteidl.Core;
using FlyteSharp.Caching;
using FlyteSharp.Hashing;

namespace FlyteSharp.Tests.Caching;

public sealed class GoldenVectorTests
{
    public static TheoryData<string> TagVectors => GoldenVectors.NamesOfKind("tag");

    public static TheoryData<string> DatasetVersionVectors => GoldenVectors.NamesOfKind("dataset_version");

    [Fact]
    public void The_vector_file_covers_both_kinds_and_errors()
    {
        Assert.True(GoldenVectors.Vectors.Count >= 38);
        Assert.Contains(GoldenVectors.Vectors, v => v.Kind == "tag" && v.ExpectedError);
        Assert.Contains(GoldenVectors.Vectors, v => v.Kind == "dataset_version" && v.ExpectedError);
        Assert.True(TagVectors.Count > 20);
        Assert.True(DatasetVersionVectors.Count > 5);
    }

    [Theory]
    [MemberData(nameof(TagVectors))]
    public void Fast_tag_matches_flyte(string name)
    {
        var vector = GoldenVectors.Get(name);
        var inputs = LiteralMap.Parser.ParseFrom(vector.InputBytes);
        var ignored = vector.IgnoreVars ?? [];
        if (vector.ExpectedError)
        {
            Assert.Throws<CacheKeyException>(() => { _ = CacheTag.Compute(inputs, ignored); });
        }
        else
        {
            Assert.Equal(vector.Expected, CacheTag.Compute(inputs, ignored));
        }
    }

    [Theory]
    [MemberData(nameof(TagVectors))]
    public void Descriptor_driven_hash_of_the_hashified_map_matches_flyte(string name)
    {
        var vector = GoldenVectors.Get(name);
        var hashified = CacheTag.Hashify(LiteralMap.Parser.ParseFrom(vector.InputBytes), vector.IgnoreVars ?? []);
        if (vector.ExpectedError)
        {
            Assert.Throws<CacheKeyException>(() => { _ = ProtoObjectHash.Default.Compute(hashified); });
        }
        else
        {
            Assert.Equal(vector.Expected, CacheTag.Prefix + Base64Url.Encode(ProtoObjectHash.Default.Compute(hashified)));
        }
    }

    [Theory]
    [MemberData(nameof(TagVectors))]
    public void Canonical_json_text_hashes_to_the_flyte_tag(string name)
    {
        var vector = GoldenVectors.Get(name);
        var inputs = LiteralMap.Parser.ParseFrom(vector.InputBytes);
        if (vector.ExpectedError)
        {
            Assert.Throws<CacheKeyException>(() => { _ = CacheTag.Explain(inputs, vector.IgnoreVars ?? []); });
            return;
        }

        var explanation = CacheTag.Explain(inputs, vector.IgnoreVars ?? []);
        Assert.Equal(vector.Expected, explanation.Tag);

        // Go's own CommonJSONHash path: parse the jsonpb text, hash the value tree.
        Assert.Equal(vector.Expected, CacheTag.Prefix + Base64Url.Encode(ObjectHash.OfJson(explanation.CanonicalJson)));
    }

    [Theory]
    [MemberData(nameof(DatasetVersionVectors))]
    public void Dataset_version_matches_flyte(string name)
    {
        var vector = GoldenVectors.Get(name);
        var taskInterface = TypedInterface.Parser.ParseFrom(vector.InputBytes);
        if (vector.ExpectedError)
        {
            var error = Record.Exception(() => CatalogDataset.Version(vector.CacheVersion!, taskInterface));
            Assert.True(error is ArgumentException or CacheKeyException, $"expected a refusal, got {error?.GetType().Name ?? "a version"}");
        }
        else
        {
            Assert.Equal(vector.Expected, CatalogDataset.Version(vector.CacheVersion!, taskInterface));
        }
    }
}
