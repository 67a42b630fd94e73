using FlyteSharp.Typing;
using static FlyteSharp.Tests.Typing.Types;

namespace FlyteSharp.Tests.Typing;

/// <summary>The blob matrix of DESIGN §5, at the top level and nested in collections, maps and unions.</summary>
public sealed class LenientBlobRuleTests
{
    private const string Root = "outputs.o0";
    private const string DimensionalityDetail = ": a SINGLE blob (file) and a MULTIPART blob (directory) are never castable";

    // upstream (produced / cached), downstream (expected), the detail a rejection ends with (null = castable).
    private static readonly Dictionary<string, (BlobType Upstream, BlobType Downstream, string? RejectionDetail)> Matrix = new()
    {
        ["\"\" -> csv"] = (File(), File("csv"), null),
        ["csv -> \"\""] = (File("csv"), File(), null),
        ["csv -> csv"] = (File("csv"), File("csv"), null),
        ["csv -> CSV"] = (File("csv"), File("CSV"), null),
        ["Parquet -> parquet"] = (File("Parquet"), File("parquet"), null),
        ["\"\" -> \"\""] = (File(), File(), null),
        ["csv -> parquet"] = (File("csv"), File("parquet"), string.Empty),
        ["parquet -> csv"] = (File("parquet"), File("csv"), string.Empty),
        ["dir \"\" -> dir csv"] = (Dir(), Dir("csv"), null),
        ["dir csv -> dir \"\""] = (Dir("csv"), Dir(), null),
        ["dir csv -> dir parquet"] = (Dir("csv"), Dir("parquet"), string.Empty),
        ["file -> dir"] = (File(), Dir(), DimensionalityDetail),
        ["dir -> file"] = (Dir(), File(), DimensionalityDetail),
        ["file csv -> dir csv"] = (File("csv"), Dir("csv"), DimensionalityDetail),
        ["dir csv -> file csv"] = (Dir("csv"), File("csv"), DimensionalityDetail),
        ["file \"\" -> dir csv"] = (File(), Dir("csv"), DimensionalityDetail),
        ["dir csv -> file \"\""] = (Dir("csv"), File(), DimensionalityDetail),
    };

    // How a blob is nested, and the path suffix that reaches it. Both sides are nested the same way.
    private static readonly Dictionary<string, (Func<FlyteType, FlyteType> Wrap, string Suffix)> Nestings = new()
    {
        ["top level"] = (t => t, string.Empty),
        ["list"] = (t => List(t), "[]"),
        ["map"] = (t => Map(t), "{}"),
        ["list of maps"] = (t => List(Map(t)), "[]{}"),
        ["map of lists"] = (t => Map(List(t)), "{}[]"),
        ["list of lists of maps"] = (t => List(List(Map(t))), "[][]{}"),
    };

    public static TheoryData<string, string> MatrixInNestings =>
        [.. from blob in Matrix.Keys from nesting in Nestings.Keys select (blob, nesting)];

    public static TheoryData<string> MatrixCases => [.. Matrix.Keys];

    [Theory]
    [MemberData(nameof(MatrixInNestings))]
    public void Blob_matrix_holds_at_any_depth_with_the_exact_path(string blobCase, string nesting)
    {
        var (upstream, downstream, rejection) = Matrix[blobCase];
        var (wrap, suffix) = Nestings[nesting];

        var result = Castability.Check(wrap(upstream), wrap(downstream), Root);

        if (rejection is null)
        {
            Assert.True(result.IsCastable, result.Reason);
        }
        else
        {
            Assert.False(result.IsCastable);
            Assert.Equal($"{Root}{suffix}: {upstream} is not castable to {downstream}{rejection}", result.Reason);
        }
    }

    [Theory]
    [MemberData(nameof(MatrixCases))]
    public void Blob_matrix_holds_inside_optional_unions(string blobCase)
    {
        var (upstream, downstream, rejection) = Matrix[blobCase];
        var upstreamOptional = Optional(upstream, "FlyteFile");
        var downstreamOptional = Optional(downstream, "FlyteFile");

        var result = Castability.Check(upstreamOptional, downstreamOptional, Root);

        if (rejection is null)
        {
            Assert.True(result.IsCastable, result.Reason);
        }
        else
        {
            var upstreamVariant = upstreamOptional.Variants[0];
            var downstreamVariant = downstreamOptional.Variants[0];
            Assert.Equal(
                $"{Root}: {upstreamOptional} is not castable to {downstreamOptional}: its variant {upstreamVariant} matches no variant "
                + $"({Root}|0: {upstreamVariant} is not castable to {downstreamVariant}{rejection}; "
                + $"{Root}|1: {upstreamVariant} is not castable to NONE(tag:\"none\"))",
                result.Reason);
        }
    }

    [Theory]
    [MemberData(nameof(MatrixCases))]
    public void Blob_matrix_holds_for_a_plain_value_read_as_an_optional_inside_a_list_of_maps(string blobCase)
    {
        var (upstream, downstream, rejection) = Matrix[blobCase];
        var expected = List(Map(Optional(downstream, "FlyteFile")));

        var result = Castability.Check(List(Map(upstream)), expected, Root);

        if (rejection is null)
        {
            Assert.True(result.IsCastable, result.Reason);
        }
        else
        {
            var optional = Optional(downstream, "FlyteFile");
            Assert.Equal(
                $"{Root}[]{{}}: {upstream} is not castable to {optional}: no variant accepts it "
                + $"({Root}[]{{}}|0: {upstream} is not castable to {optional.Variants[0]}{rejection}; "
                + $"{Root}[]{{}}|1: {upstream} is not castable to NONE(tag:\"none\"))",
                result.Reason);
        }
    }

    [Fact]
    public void The_design_example_reads_as_documented()
    {
        var result = Castability.Check(List(File("parquet")), List(File("csv")), Root);

        Assert.Equal("outputs.o0[]: blob{format:\"parquet\"} is not castable to blob{format:\"csv\"}", result.Reason);
    }

    [Fact]
    public void A_format_less_blob_is_ambiguous_against_a_union_of_two_formats_as_upstream()
    {
        var expected = Union(File("csv"), File("parquet"));

        Assert.True(Castability.Check(File("csv"), expected, Root).IsCastable);
        Assert.True(Castability.Check(File("PARQUET"), expected, Root).IsCastable);
        Assert.Equal(
            "outputs.o0: blob{} is not castable to union[blob{format:\"csv\"},blob{format:\"parquet\"}]: ambiguous, variants 0 and 1 both accept it",
            Castability.Check(File(), expected, Root).Reason);
    }

    [Fact]
    public void A_file_and_a_directory_of_one_format_are_told_apart_inside_a_union()
    {
        var expected = Union(File("csv"), Dir("csv"));

        Assert.True(Castability.Check(File(), expected, Root).IsCastable);
        Assert.True(Castability.Check(Dir("CSV"), expected, Root).IsCastable);
    }

    [Fact]
    public void A_blob_is_not_castable_from_other_kinds()
    {
        Assert.Equal("outputs.o0: STRING is not castable to blob{format:\"csv\"}", Castability.Check(Str, File("csv"), Root).Reason);
        Assert.Equal("outputs.o0: list<blob{}> is not castable to blob{}", Castability.Check(List(File()), File(), Root).Reason);
    }
}
