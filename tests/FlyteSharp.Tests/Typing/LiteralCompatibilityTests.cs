using Flyteidl.Core;
using FlyteSharp.Typing;
using static FlyteSharp.Tests.Typing.LiteralValues;
using Model = FlyteSharp.Tests.Typing.Types;

namespace FlyteSharp.Tests.Typing;

/// <summary>Cached values checked against expected output types, as the runtime does on every cache hit.</summary>
public sealed class LiteralCompatibilityTests
{
    private const string Root = "outputs.o0";

    private static CastResult Check(Literal value, FlyteType expected) => LiteralCompatibility.Check(value, expected, Root);

    [Fact]
    public void A_cached_format_less_file_satisfies_a_csv_output_flyte_5553()
    {
        Assert.True(Check(File(string.Empty), Model.File("csv")).IsCastable);
        Assert.True(Check(List(File(string.Empty), File(string.Empty, "s3://b")), Model.List(Model.File("csv"))).IsCastable);
    }

    [Fact]
    public void A_cached_file_of_another_format_is_rejected_with_the_path()
    {
        Assert.Equal(
            "outputs.o0: blob{format:\"parquet\"} is not castable to blob{format:\"csv\"}",
            Check(File("parquet"), Model.File("csv")).Reason);
        Assert.Equal(
            "outputs.o0{}: blob{format:\"parquet\"} is not castable to blob{format:\"csv\"}",
            Check(Map(("a", File("parquet"))), Model.Map(Model.File("csv"))).Reason);
    }

    [Fact]
    public void A_cached_directory_never_satisfies_a_file_output()
    {
        Assert.Equal(
            "outputs.o0[]: blob{format:\"csv\",dimensionality:MULTIPART} is not castable to blob{format:\"csv\"}: a SINGLE blob (file) and a MULTIPART blob (directory) are never castable",
            Check(List(Dir("csv")), Model.List(Model.File("csv"))).Reason);
    }

    [Fact]
    public void Files_of_mixed_formats_in_one_list_are_rejected_as_upstream()
    {
        // The elements infer as a union of two blob types, which is not a blob: upstream rejects it too.
        Assert.Equal(
            "outputs.o0[]: union[blob{format:\"csv\"},blob{}] is not castable to blob{format:\"csv\"}",
            Check(List(File("csv"), File(string.Empty)), Model.List(Model.File("csv"))).Reason);
    }

    [Fact]
    public void Empty_collections_satisfy_any_collection()
    {
        Assert.True(Check(List(), Model.List(Model.File("csv"))).IsCastable);
        Assert.True(Check(Map(), Model.Map(Model.List(Model.Int))).IsCastable);
        Assert.True(Check(List(List(), List(Int(1))), Model.List(Model.List(Model.Int))).IsCastable);
    }

    [Fact]
    public void Optional_values_as_flytekit_writes_them_satisfy_optional_outputs()
    {
        var optionalFile = Model.Optional(Model.File("csv"), "FlyteFile");
        var someFile = Union(File(string.Empty), new LiteralType
        {
            Blob = new Flyteidl.Core.BlobType(),
            Structure = new TypeStructure { Tag = "FlyteFile" },
        });
        var noFile = Union(None(), SimpleType(Flyteidl.Core.SimpleType.None, "none"));

        Assert.True(Check(someFile, optionalFile).IsCastable);
        Assert.True(Check(noFile, optionalFile).IsCastable);
        Assert.True(Check(File("CSV"), optionalFile).IsCastable);
        Assert.True(Check(None(), optionalFile).IsCastable);
        Assert.True(Check(List(noFile, someFile), Model.List(optionalFile)).IsCastable);
    }

    [Fact]
    public void An_optional_value_with_a_foreign_variant_tag_is_rejected()
    {
        var value = Union(Int(1), SimpleType(Flyteidl.Core.SimpleType.Integer, "integer"));

        Assert.Equal(
            "outputs.o0: union[INTEGER(tag:\"integer\")] is not castable to union[INTEGER(tag:\"int\"),NONE(tag:\"none\")]: "
            + "its variant INTEGER(tag:\"integer\") matches no variant (outputs.o0|0: INTEGER(tag:\"integer\") is not castable to INTEGER(tag:\"int\"): structure tags differ; "
            + "outputs.o0|1: INTEGER(tag:\"integer\") is not castable to NONE(tag:\"none\"))",
            Check(value, Model.Optional(Model.Int, "int")).Reason);
    }

    [Fact]
    public void Strings_satisfy_enum_outputs()
    {
        Assert.True(Check(Str("red"), Model.Enum("red", "green")).IsCastable);
    }

    [Fact]
    public void A_value_whose_type_cannot_be_inferred_is_rejected_not_thrown()
    {
        var noMetadata = Scalar(new Scalar { Blob = new Blob { Uri = "s3://x" } });

        Assert.Equal(
            "outputs.o0[0]: the type of the value cannot be inferred: the blob has no metadata",
            Check(List(noMetadata), Model.List(Model.File("csv"))).Reason);
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => LiteralCompatibility.Check(null!, Model.Int, Root));
        Assert.Throws<ArgumentNullException>(() => LiteralCompatibility.Check(Int(1), null!, Root));
        Assert.Throws<ArgumentNullException>(() => LiteralCompatibility.Check(Int(1), Model.Int, null!));
    }
}
