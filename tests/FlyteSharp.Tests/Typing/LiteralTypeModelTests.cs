using FlyteSharp.Core;
using FlyteSharp.Typing;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Model = FlyteSharp.Tests.Typing.Types;
using Proto = Flyteidl.Core;

namespace FlyteSharp.Tests.Typing;

public sealed class LiteralTypeModelTests
{
    private static readonly FlyteType[] Representative =
    [
        Model.Int,
        Model.Tag(Model.None, "none"),
        Model.File("csv"),
        Model.Dir(),
        Model.List(Model.Map(Model.File("parquet"))),
        Model.Optional(Model.File("csv"), "FlyteFile"),
        Model.Enum("red", "green"),
        Model.Union(),
        Model.Schema(("a", SchemaColumnKind.Integer), ("b", SchemaColumnKind.Duration)),
        Model.Dataset("parquet", ("a", Model.Int), ("b", Model.List(Model.Str))) with
        {
            ExternalSchemaType = "arrow",
            ExternalSchemaBytes = new byte[] { 1, 2, 3 }.ToEquatableArray(),
        },
        Model.Tag(Model.List(Model.Struct), "list"),
    ];

    public static TheoryData<int> RepresentativeIndexes => [.. Enumerable.Range(0, Representative.Length)];

    [Theory]
    [MemberData(nameof(RepresentativeIndexes))]
    public void Model_to_protobuf_and_back_is_lossless(int index)
    {
        var type = Representative[index];

        var literalType = type.ToLiteralType();
        var parsed = Proto.LiteralType.Parser.ParseFrom(literalType.ToByteArray());

        Assert.Equal(type, parsed.ToFlyteType());
    }

    [Fact]
    public void The_protobuf_form_is_what_flytekit_writes()
    {
        var literalType = Model.Optional(Model.List(Model.File("csv")), "list").ToLiteralType();

        Assert.Equal(
            """{ "unionType": { "variants": [ { "collectionType": { "blob": { "format": "csv" } }, "structure": { "tag": "list" } }, { "simple": "NONE", "structure": { "tag": "none" } } ] } }""",
            JsonFormatter.Default.Format(literalType));
    }

    [Fact]
    public void Protobuf_to_model_and_back_keeps_everything_but_metadata_and_annotations()
    {
        var literalType = new Proto.LiteralType
        {
            MapValueType = new Proto.LiteralType
            {
                Blob = new Proto.BlobType { Format = "csv", Dimensionality = Proto.BlobType.Types.BlobDimensionality.Multipart },
                Structure = new Proto.TypeStructure { Tag = "dir" },
                Metadata = new Struct { Fields = { ["schema"] = Value.ForString("x") } },
                Annotation = new Proto.TypeAnnotation { Annotations = new Struct { Fields = { ["cache-key-metadata"] = Value.ForBool(true) } } },
            },
        };
        var withoutExtras = literalType.Clone();
        withoutExtras.MapValueType.Metadata = null;
        withoutExtras.MapValueType.Annotation = null;

        Assert.Equal(Model.Map(Model.Tag(Model.Dir("csv"), "dir")), literalType.ToFlyteType());
        Assert.Equal(withoutExtras, literalType.ToFlyteType().ToLiteralType());
    }

    [Fact]
    public void An_empty_structure_tag_reads_as_no_tag()
    {
        var literalType = new Proto.LiteralType { Simple = Proto.SimpleType.Integer, Structure = new Proto.TypeStructure() };

        Assert.Null(literalType.ToFlyteType().StructureTag);
        Assert.Null(Model.Tag(Model.Int, string.Empty).ToLiteralType().Structure);
    }

    [Fact]
    public void A_type_with_no_kind_is_rejected_with_its_location()
    {
        var literalType = new Proto.LiteralType
        {
            UnionType = new Proto.UnionType { Variants = { new Proto.LiteralType { Simple = Proto.SimpleType.Integer }, new Proto.LiteralType { CollectionType = new Proto.LiteralType() } } },
        };

        var error = Assert.Throws<LiteralTypeConversionException>(() => literalType.ToFlyteType());

        Assert.StartsWith("LiteralType.union_type.variants[1].collection_type: the LiteralType has no type set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enum_values_from_a_newer_idl_are_rejected_with_their_location()
    {
        var simple = new Proto.LiteralType { Simple = (Proto.SimpleType)42 };
        var blob = new Proto.LiteralType { Blob = new Proto.BlobType { Dimensionality = (Proto.BlobType.Types.BlobDimensionality)7 } };

        Assert.Equal(
            $"LiteralType.simple: SimpleKind value 42 is not known to FlyteSharp (Flyte IDL {FlyteIdl.Version})",
            Assert.Throws<LiteralTypeConversionException>(() => simple.ToFlyteType()).Message);
        Assert.StartsWith(
            "LiteralType.blob.dimensionality: BlobDimensionality value 7",
            Assert.Throws<LiteralTypeConversionException>(() => blob.ToFlyteType()).Message,
            StringComparison.Ordinal);
        Assert.StartsWith(
            "LiteralType.collection_type.simple: SimpleKind value 99",
            Assert.Throws<LiteralTypeConversionException>(() => Model.List(new FlyteSharp.Typing.SimpleType((SimpleKind)99)).ToLiteralType()).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_dataset_column_without_a_type_is_rejected()
    {
        var literalType = new Proto.LiteralType
        {
            StructuredDatasetType = new Proto.StructuredDatasetType { Columns = { new Proto.StructuredDatasetType.Types.DatasetColumn { Name = "a" } } },
        };

        Assert.Equal(
            "LiteralType.structured_dataset_type.columns[0]: column \"a\" has no literal_type",
            Assert.Throws<LiteralTypeConversionException>(() => literalType.ToFlyteType()).Message);
    }

    [Fact]
    public void Interfaces_convert_both_ways_in_declaration_order()
    {
        var flyteInterface = new FlyteInterface(
            EquatableArray.Create(
                new FlyteVariable("zeta", Model.Int, "the last letter"),
                new FlyteVariable("alpha", Model.Optional(Model.File("csv"), "FlyteFile"))),
            EquatableArray.Create(new FlyteVariable("o0", Model.List(Model.Dir("parquet")))));

        var typedInterface = flyteInterface.ToTypedInterface();
        var parsed = Proto.TypedInterface.Parser.ParseFrom(typedInterface.ToByteArray());

        Assert.Equal(["zeta", "alpha"], parsed.Inputs.Variables.Keys);
        Assert.Equal("the last letter", parsed.Inputs.Variables["zeta"].Description);
        Assert.Equal(flyteInterface, parsed.ToFlyteInterface());
    }

    [Fact]
    public void Missing_variable_maps_read_as_empty_and_are_written_as_empty_maps()
    {
        var empty = new FlyteInterface(default, default);

        Assert.Equal(empty, new Proto.TypedInterface().ToFlyteInterface());
        Assert.NotNull(empty.ToTypedInterface().Inputs);
        Assert.NotNull(empty.ToTypedInterface().Outputs);
    }

    [Fact]
    public void A_variable_without_a_type_is_rejected()
    {
        var typedInterface = new Proto.TypedInterface
        {
            Outputs = new Proto.VariableMap { Variables = { ["o0"] = new Proto.Variable { Description = "no type" } } },
        };

        Assert.Equal(
            "outputs.o0: the variable has no type",
            Assert.Throws<LiteralTypeConversionException>(() => typedInterface.ToFlyteInterface()).Message);
    }

    [Fact]
    public void A_duplicate_variable_name_is_rejected()
    {
        var flyteInterface = new FlyteInterface(
            EquatableArray.Create(new FlyteVariable("x", Model.Int), new FlyteVariable("x", Model.Str)),
            default);

        var error = Assert.Throws<ArgumentException>(() => flyteInterface.ToTypedInterface());

        Assert.StartsWith("inputs.x: the interface declares this name twice", error.Message, StringComparison.Ordinal);
    }
}
