using CsCheck;
using FlyteSharp.Core;
using FlyteSharp.Typing;

namespace FlyteSharp.Tests.Typing;

public sealed class CastabilityPropertyTests
{
    private const string Root = "outputs.o0";

    private static readonly Gen<string> Formats = TypeGenerator.Formats;

    private static readonly Gen<string> SpecificFormats = Gen.OneOf("csv", "CSV", "parquet", "Parquet", "json", "png");

    private static readonly Gen<FlyteType> AnyType = TypeGenerator.Any(3);

    private enum Nesting
    {
        List,
        Map,
        Optional,
        ExpectedUnionOnly,
        SingleVariantUnion,
    }

    [Fact]
    public void Castability_is_reflexive() =>
        AnyType.Sample(type =>
        {
            var result = Castability.Check(type, type, Root);
            Assert.True(result.IsCastable, result.Reason);
        }, iter: 2000);

    [Fact]
    public void The_explaining_check_agrees_with_the_quick_check() =>
        Gen.Select(TypeGenerator.Any(2), TypeGenerator.Any(2)).Sample((upstream, downstream) =>
        {
            var result = Castability.Check(upstream, downstream, Root);
            Assert.Equal(Castability.IsCastable(upstream, downstream), result.IsCastable);
            if (!result.IsCastable)
            {
                Assert.StartsWith(Root, result.Reason, StringComparison.Ordinal);
            }
        }, iter: 1000);

    [Fact]
    public void A_format_less_blob_matches_any_format_both_ways_at_any_depth() =>
        Gen.Select(Nestings(), Formats, Gen.Enum<BlobDimensionality>()).Sample((nestings, format, dimensionality) =>
        {
            var specific = new BlobType(format, dimensionality);
            var formatLess = new BlobType(string.Empty, dimensionality);

            var (produced, expected, _) = Nest(nestings, formatLess, specific);
            var forth = Castability.Check(produced, expected, Root);
            Assert.True(forth.IsCastable, forth.Reason);

            var (producedBack, expectedBack, _) = Nest(nestings, specific, formatLess);
            var back = Castability.Check(producedBack, expectedBack, Root);
            Assert.True(back.IsCastable, back.Reason);
        }, iter: 1000);

    [Fact]
    public void A_specific_format_mismatch_at_any_depth_is_rejected_with_a_path_to_it() =>
        Gen.Select(Nestings(), SpecificFormats, SpecificFormats, Gen.Enum<BlobDimensionality>())
            .Where((_, left, right, _) => !string.Equals(left, right, StringComparison.OrdinalIgnoreCase))
            .Sample((nestings, left, right, dimensionality) =>
            {
                var upstreamBlob = new BlobType(left, dimensionality);
                var downstreamBlob = new BlobType(right, dimensionality);
                var (produced, expected, path) = Nest(nestings, upstreamBlob, downstreamBlob);

                var result = Castability.Check(produced, expected, Root);

                Assert.False(result.IsCastable);
                Assert.Contains($"{path}: {upstreamBlob} is not castable to {downstreamBlob}", result.Reason, StringComparison.Ordinal);
            }, iter: 1000);

    [Fact]
    public void A_file_never_stands_for_a_directory_at_any_depth() =>
        Gen.Select(Nestings(), Formats, Formats, Gen.Bool).Sample((nestings, left, right, fileUpstream) =>
        {
            var file = new BlobType(left, BlobDimensionality.Single);
            var directory = new BlobType(right, BlobDimensionality.Multipart);
            var (upstreamBlob, downstreamBlob) = fileUpstream ? (file, directory) : (directory, file);
            var (produced, expected, path) = Nest(nestings, upstreamBlob, downstreamBlob);

            var result = Castability.Check(produced, expected, Root);

            Assert.False(result.IsCastable);
            Assert.Contains(
                $"{path}: {upstreamBlob} is not castable to {downstreamBlob}: a SINGLE blob (file) and a MULTIPART blob (directory) are never castable",
                result.Reason,
                StringComparison.Ordinal);
        }, iter: 1000);

    [Fact]
    public void The_protobuf_round_trip_preserves_every_model_type() =>
        AnyType.Sample(type => Assert.Equal(type, type.ToLiteralType().ToFlyteType()), iter: 1000);

    private static Gen<Nesting[]> Nestings() => Gen.Enum<Nesting>().Array[0, 5];

    // Wraps both blobs in the same nesting (innermost first) and returns the path that reaches them. Each union
    // level gets its own second variant: two levels sharing one ([[T, NONE], NONE]) make that variant ambiguous.
    private static (FlyteType Upstream, FlyteType Downstream, string Path) Nest(Nesting[] nestings, FlyteType upstream, FlyteType downstream)
    {
        var suffix = string.Empty;
        var unionLevel = 0;
        foreach (var nesting in nestings)
        {
            (upstream, downstream, var segment) = nesting switch
            {
                Nesting.List => ((FlyteType)new CollectionType(upstream), (FlyteType)new CollectionType(downstream), "[]"),
                Nesting.Map => (new MapType(upstream), new MapType(downstream), "{}"),
                Nesting.Optional => (Union(upstream, Filler(unionLevel)), Union(downstream, Filler(unionLevel++)), "|0"),
                Nesting.ExpectedUnionOnly => (upstream, Union(downstream, Filler(unionLevel++)), "|0"),
                Nesting.SingleVariantUnion => (Union(upstream), Union(downstream), "|0"),
                _ => throw new ArgumentOutOfRangeException(nameof(nestings)),
            };
            suffix = segment + suffix;
        }

        return (upstream, downstream, Root + suffix);
    }

    private static SimpleType Filler(int unionLevel)
    {
        SimpleKind[] kinds = [SimpleKind.None, SimpleKind.Integer, SimpleKind.Float, SimpleKind.Boolean, SimpleKind.Datetime, SimpleKind.Duration];
        return new SimpleType(kinds[unionLevel]) { StructureTag = kinds[unionLevel].ToString().ToLowerInvariant() };
    }

    private static UnionType Union(params FlyteType[] variants) => new(variants.ToEquatableArray());
}
