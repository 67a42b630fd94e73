using FlyteSharp.Typing;
using static FlyteSharp.Tests.Typing.Types;

namespace FlyteSharp.Tests.Typing;

public sealed class CastabilityTests
{
    private const string Root = "outputs.o0";

    private static string? Reason(FlyteType upstream, FlyteType downstream) => Castability.Check(upstream, downstream, Root).Reason;

    private static bool Castable(FlyteType upstream, FlyteType downstream) => Castability.Check(upstream, downstream, Root).IsCastable;

    [Fact]
    public void A_value_is_unambiguously_read_as_an_optional()
    {
        var optionalInt = Optional(Int, "int");

        Assert.True(Castable(Int, optionalInt));
        Assert.True(Castable(None, optionalInt));
        Assert.True(Castable(Tag(None, "none"), optionalInt));
        Assert.Equal(
            "outputs.o0: STRING is not castable to union[INTEGER(tag:\"int\"),NONE(tag:\"none\")]: no variant accepts it "
            + "(outputs.o0|0: STRING is not castable to INTEGER(tag:\"int\"); outputs.o0|1: STRING is not castable to NONE(tag:\"none\"))",
            Reason(Str, optionalInt));
    }

    [Fact]
    public void A_union_value_reads_through_its_single_carried_variant_type()
    {
        var optionalInt = Optional(Int, "int");

        // The inferred type of a union literal is a one-variant union of the type it carries.
        Assert.True(Castable(Union(Tag(Int, "int")), optionalInt));
        Assert.True(Castable(Union(Tag(None, "none")), optionalInt));
        Assert.True(Castable(Union(Int), optionalInt));
        Assert.True(Castable(Union(Tag(Int, "int")), Tag(Int, "int")));
        Assert.True(Castable(Union(Int), Int));
    }

    [Fact]
    public void A_carried_variant_tag_must_match_the_expected_variant_tag()
    {
        Assert.False(Castable(Union(Tag(Int, "integer")), Optional(Int, "int")));
        Assert.False(Castable(Tag(Int, "int"), Int));
        Assert.True(Castable(Int, Tag(Int, "int")));
        Assert.Equal("outputs.o0: INTEGER(tag:\"int\") is not castable to INTEGER: structure tags differ", Reason(Tag(Int, "int"), Int));
        Assert.Equal("outputs.o0: INTEGER(tag:\"int\") is not castable to STRING(tag:\"str\")", Reason(Tag(Int, "int"), Tag(Str, "str")));
    }

    [Fact]
    public void Against_a_plain_type_a_single_variant_union_reports_why_its_variant_does_not_fit()
    {
        Assert.Equal("outputs.o0: STRING is not castable to INTEGER", Reason(Union(Str), Int));
        Assert.Equal("outputs.o0[]: blob{format:\"csv\"} is not castable to blob{format:\"parquet\"}", Reason(Union(List(File("csv"))), List(File("parquet"))));
    }

    [Fact]
    public void A_single_variant_union_stands_for_its_variant_only_at_the_root_and_in_union_variants_as_upstream()
    {
        Assert.True(Castable(Union(Str), Str));
        Assert.Equal("outputs.o0[]: union[STRING] is not castable to STRING", Reason(List(Union(Str)), List(Str)));
        Assert.True(Castable(List(Union(Str)), List(Optional(Str, "str"))));
    }

    [Fact]
    public void An_optional_is_not_read_as_its_plain_type()
    {
        Assert.Equal("outputs.o0: union[INTEGER,NONE] is not castable to INTEGER", Reason(Union(Int, None), Int));
    }

    [Fact]
    public void Union_to_union_needs_a_home_for_every_upstream_variant()
    {
        Assert.True(Castable(Union(Int, Str), Union(Str, Float, Int)));
        Assert.True(Castable(Union(Int), Union(Int, Str)));
        Assert.Equal(
            "outputs.o0: union[INTEGER,FLOAT] is not castable to union[INTEGER,STRING]: its variant FLOAT matches no variant "
            + "(outputs.o0|0: FLOAT is not castable to INTEGER; outputs.o0|1: FLOAT is not castable to STRING)",
            Reason(Union(Int, Float), Union(Int, Str)));
    }

    [Fact]
    public void Union_to_union_does_not_mind_several_homes_for_a_variant()
    {
        Assert.True(Castable(Union(Str, Int), Union(Tag(Str, "a"), Tag(Str, "b"), Int)));
    }

    [Fact]
    public void Upstream_variant_tags_must_match_downstream_variant_tags()
    {
        Assert.False(Castable(Optional(Int, "int"), Union(Int, None)));
        Assert.True(Castable(Union(Int, None), Optional(Int, "int")));
        Assert.True(Castable(Optional(Int, "int"), Optional(Int, "int")));
    }

    [Fact]
    public void An_ambiguous_match_is_an_error()
    {
        Assert.Equal(
            "outputs.o0: STRING is not castable to union[STRING(tag:\"a\"),STRING(tag:\"b\"),INTEGER]: ambiguous, variants 0 and 1 both accept it",
            Reason(Str, Union(Tag(Str, "a"), Tag(Str, "b"), Int)));
        Assert.Equal(
            "outputs.o0: STRING is not castable to union[STRING,enum{x},STRING]: ambiguous, variants 0, 1 and 2 all accept it",
            Reason(Str, Union(Str, Enum("x"), Str)));
        Assert.Equal(
            "outputs.o0: list<NONE> is not castable to union[list<INTEGER>,list<STRING>]: ambiguous, variants 0 and 1 both accept it",
            Reason(List(None), Union(List(Int), List(Str))));
    }

    [Fact]
    public void A_union_without_variants_accepts_nothing()
    {
        Assert.Equal("outputs.o0: INTEGER is not castable to union[]: the union has no variants", Reason(Int, Union()));
        Assert.True(Castable(Union(), Union()));
    }

    [Fact]
    public void Enum_and_string_cast_both_ways_as_upstream()
    {
        Assert.True(Castable(Enum("red", "green"), Str));
        Assert.True(Castable(Str, Enum("red", "green")));
        Assert.True(Castable(Tag(Enum("red"), "Color"), Tag(Str, "str")));
        Assert.True(Castable(Enum("red", "green"), Enum("red", "green")));
        Assert.Equal("outputs.o0: enum{red,green} is not castable to enum{green,red}", Reason(Enum("red", "green"), Enum("green", "red")));
        Assert.Equal("outputs.o0: enum{red} is not castable to INTEGER", Reason(Enum("red"), Int));
        Assert.Equal("outputs.o0: INTEGER is not castable to enum{red}", Reason(Int, Enum("red")));
    }

    [Fact]
    public void Empty_collections_and_maps_fit_any_element_type()
    {
        Assert.True(Castable(List(None), List(File("csv"))));
        Assert.True(Castable(Map(None), Map(List(Int))));
        Assert.True(Castable(List(List(None)), List(List(Int))));
        Assert.True(Castable(List(Tag(None, "none")), List(Int)));
        Assert.Equal("outputs.o0: list<NONE> is not castable to map<string,INTEGER>", Reason(List(None), Map(Int)));
        Assert.Equal("outputs.o0: map<string,NONE> is not castable to list<INTEGER>", Reason(Map(None), List(Int)));
    }

    [Fact]
    public void None_is_castable_only_to_none_optionals_and_datasets()
    {
        Assert.True(Castable(None, None));
        Assert.True(Castable(Tag(None, "none"), None));
        Assert.True(Castable(None, Dataset("parquet")));
        Assert.Equal("outputs.o0: NONE is not castable to INTEGER", Reason(None, Int));
        Assert.Equal("outputs.o0: INTEGER is not castable to NONE", Reason(Int, None));
        Assert.Equal("outputs.o0: NONE is not castable to blob{}", Reason(None, File()));
        Assert.Equal("outputs.o0: NONE is not castable to schema[]", Reason(None, Schema()));
    }

    [Fact]
    public void Nothing_but_struct_is_castable_to_struct()
    {
        Assert.True(Castable(Struct, Struct));
        Assert.Equal("outputs.o0: STRING is not castable to STRUCT", Reason(Str, Struct));
        Assert.Equal("outputs.o0: map<string,STRING> is not castable to STRUCT", Reason(Map(Str), Struct));
    }

    [Fact]
    public void Column_rejections_name_the_column()
    {
        Assert.Equal(
            "outputs.o0.columns[b][]: INTEGER is not castable to FLOAT",
            Reason(Dataset("parquet", ("a", Int), ("b", List(Int))), Dataset("parquet", ("b", List(Float)))));
        Assert.Equal(
            "outputs.o0: structured_dataset{format:\"parquet\",columns:[a:INTEGER]} is not castable to structured_dataset{format:\"\",columns:[z:INTEGER]}: column \"z\" is missing upstream",
            Reason(Dataset("parquet", ("a", Int)), Dataset(string.Empty, ("z", Int))));
        Assert.Equal(
            "outputs.o0.columns[a]: INTEGER is not castable to FLOAT",
            Reason(Schema(("a", SchemaColumnKind.Integer)), Schema(("a", SchemaColumnKind.Float))));
        Assert.Equal(
            "outputs.o0.columns[a]: INTEGER is not castable to FLOAT",
            Reason(Schema(("a", SchemaColumnKind.Integer)), Dataset(string.Empty, ("a", Float))));
        Assert.Equal(
            "outputs.o0.columns[a]: list<INTEGER> is not castable to INTEGER",
            Reason(Dataset(string.Empty, ("a", List(Int))), Schema(("a", SchemaColumnKind.Integer))));
    }

    [Fact]
    public void Dataset_formats_match_case_insensitively_and_empty_matches_any()
    {
        Assert.True(Castable(Dataset("Parquet"), Dataset("parquet")));
        Assert.True(Castable(Dataset(string.Empty), Dataset("csv")));
        Assert.True(Castable(Dataset("csv"), Dataset(string.Empty)));
        Assert.Equal(
            "outputs.o0: structured_dataset{format:\"csv\"} is not castable to structured_dataset{format:\"parquet\"}",
            Reason(Dataset("csv"), Dataset("parquet")));
    }

    [Fact]
    public void Schemas_and_datasets_meet_only_in_parquet()
    {
        Assert.True(Castable(Dataset("PARQUET", ("a", Int)), Schema(("a", SchemaColumnKind.Integer))));
        Assert.True(Castable(Schema(), Dataset("parquet")));
        Assert.Equal(
            "outputs.o0: structured_dataset{format:\"csv\"} is not castable to schema[]: a schema can only be read from parquet",
            Reason(Dataset("csv"), Schema()));
        Assert.Equal(
            "outputs.o0: schema[] is not castable to structured_dataset{format:\"csv\"}: a schema can only be read as parquet",
            Reason(Schema(), Dataset("csv")));
    }

    [Fact]
    public void Check_rejects_null_arguments()
    {
        Assert.Throws<ArgumentNullException>(() => Castability.Check(null!, Int, Root));
        Assert.Throws<ArgumentNullException>(() => Castability.Check(Int, null!, Root));
        Assert.Throws<ArgumentNullException>(() => Castability.Check(Int, Int, null!));
        Assert.Throws<ArgumentNullException>(() => Castability.IsCastable(Int, null!));
    }

    [Fact]
    public void A_castable_result_is_shared_and_has_no_reason()
    {
        var result = Castability.Check(List(Int), List(Int), Root);

        Assert.Same(CastResult.Castable, result);
        Assert.Null(result.Reason);
        Assert.Equal("castable", result.ToString());
        Assert.Throws<ArgumentException>(() => CastResult.NotCastable(string.Empty));
    }

    [Fact]
    public void Types_render_with_their_tags()
    {
        Assert.Equal(
            "map<string,union[list<blob{format:\"csv\",dimensionality:MULTIPART}>(tag:\"dirs\"),NONE(tag:\"none\")]>",
            Map(Union(Tag(List(Dir("csv")), "dirs"), Tag(None, "none"))).ToString());
        Assert.Equal("schema[a:DATETIME]", Schema(("a", SchemaColumnKind.Datetime)).ToString());
    }
}
