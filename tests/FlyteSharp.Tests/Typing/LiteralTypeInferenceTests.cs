using Flyteidl.Core;
using Google.Protobuf.WellKnownTypes;
using FlyteSharp.Typing;
using static FlyteSharp.Tests.Typing.LiteralValues;
using Model = FlyteSharp.Tests.Typing.Types;

namespace FlyteSharp.Tests.Typing;

/// <summary>
/// Type inference from literals, including the cases of flytepropeller's pkg/compiler/validators/utils_test.go
/// (v1.16.8), restated.
/// </summary>
public sealed class LiteralTypeInferenceTests
{
    private static FlyteType Infer(Literal literal) => LiteralTypeInference.Infer(literal);

    [Fact]
    public void Primitives_have_their_simple_types()
    {
        Assert.Equal(Model.Int, Infer(Int(5)));
        Assert.Equal(Model.Float, Infer(Float(0.5)));
        Assert.Equal(Model.Str, Infer(Str("x")));
        Assert.Equal(Model.Bool, Infer(Bool(true)));
        Assert.Equal(new FlyteSharp.Typing.SimpleType(SimpleKind.Datetime), Infer(Scalar(new Scalar { Primitive = new Primitive { Datetime = Timestamp.FromDateTime(DateTime.UnixEpoch) } })));
        Assert.Equal(new FlyteSharp.Typing.SimpleType(SimpleKind.Duration), Infer(Scalar(new Scalar { Primitive = new Primitive { Duration = Duration.FromTimeSpan(TimeSpan.FromSeconds(1)) } })));
    }

    [Fact]
    public void An_unset_primitive_is_none_as_upstream()
    {
        Assert.Equal(Model.None, Infer(Scalar(new Scalar { Primitive = new Primitive() })));
    }

    [Fact]
    public void Other_scalars_have_their_kinds()
    {
        Assert.Equal(Model.None, Infer(None()));
        Assert.Equal(new FlyteSharp.Typing.SimpleType(SimpleKind.Error), Infer(Scalar(new Scalar { Error = new Error { Message = "boom" } })));
        Assert.Equal(Model.Struct, Infer(Generic()));
    }

    [Fact]
    public void A_binary_is_binary_unless_tagged_as_messagepack()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        byte[] messagePackMap = [0x81, 0xA1, (byte)'a', 0x01];

        Assert.Equal(new FlyteSharp.Typing.SimpleType(SimpleKind.Binary), Infer(Binary(png, string.Empty)));
        Assert.Equal(Model.Struct, Infer(Binary(messagePackMap, "msgpack")));
        Assert.Equal(new FlyteSharp.Typing.SimpleType(SimpleKind.Binary), Infer(Binary(messagePackMap, "MSGPACK")));
    }

    [Fact]
    public void A_blob_has_the_type_in_its_metadata()
    {
        Assert.Equal(Model.File("csv"), Infer(File("csv")));
        Assert.Equal(Model.File(), Infer(File(string.Empty)));
        Assert.Equal(Model.Dir("parquet"), Infer(Dir("parquet")));
    }

    [Fact]
    public void Schemas_and_datasets_have_the_types_they_carry()
    {
        var schema = new Schema
        {
            Uri = "s3://schema",
            Type = new Flyteidl.Core.SchemaType { Columns = { new Flyteidl.Core.SchemaType.Types.SchemaColumn { Name = "a", Type = Flyteidl.Core.SchemaType.Types.SchemaColumn.Types.SchemaColumnType.Float } } },
        };
        var dataset = new StructuredDataset
        {
            Uri = "s3://frame",
            Metadata = new StructuredDatasetMetadata
            {
                StructuredDatasetType = new Flyteidl.Core.StructuredDatasetType
                {
                    Format = "parquet",
                    Columns = { new Flyteidl.Core.StructuredDatasetType.Types.DatasetColumn { Name = "a", LiteralType = SimpleType(Flyteidl.Core.SimpleType.Integer) } },
                },
            },
        };

        Assert.Equal(Model.Schema(("a", SchemaColumnKind.Float)), Infer(Scalar(new Scalar { Schema = schema })));
        Assert.Equal(Model.Dataset("parquet", ("a", Model.Int)), Infer(Scalar(new Scalar { StructuredDataset = dataset })));
    }

    [Fact]
    public void A_union_value_is_a_single_variant_union_of_the_type_it_carries()
    {
        Assert.Equal(
            Model.Union(Model.Tag(Model.Int, "int")),
            Infer(Union(Int(1), SimpleType(Flyteidl.Core.SimpleType.Integer, "int"))));
    }

    [Fact]
    public void An_offloaded_literal_has_its_inferred_type()
    {
        var inferred = new LiteralType { CollectionType = new LiteralType { CollectionType = new LiteralType { UnionType = new Flyteidl.Core.UnionType { Variants = { SimpleType(Flyteidl.Core.SimpleType.Integer), SimpleType(Flyteidl.Core.SimpleType.String) } } } } };
        var literal = new Literal { OffloadedMetadata = new LiteralOffloadedMetadata { Uri = "dummy/uri", SizeBytes = 1000, InferredType = inferred } };

        Assert.Equal(Model.List(Model.List(Model.Union(Model.Int, Model.Str))), Infer(literal));
    }

    [Fact]
    public void An_empty_collection_or_map_has_element_type_none()
    {
        Assert.Equal(Model.List(Model.None), Infer(List()));
        Assert.Equal(Model.Map(Model.None), Infer(Map()));
    }

    [Fact]
    public void Elements_of_one_type_give_that_type()
    {
        Assert.Equal(Model.List(Model.Int), Infer(List(Int(5), Int(0), Int(5))));
        Assert.Equal(Model.Map(Model.File("csv")), Infer(Map(("a", File("csv")), ("b", File("csv", "s3://other")))));
    }

    [Fact]
    public void Distinct_element_types_give_a_union_in_a_stable_order()
    {
        var expected = Model.List(Model.Union(Model.Int, Model.Str));

        Assert.Equal(expected, Infer(List(Str("hello"), Int(5), Str("world"), Int(0), Int(2))));
        Assert.Equal(expected, Infer(List(Int(5), Str("world"), Int(0), Int(2))));
        Assert.Equal(Model.Map(Model.Union(Model.Int, Model.Str)), Infer(Map(("x", Str("s")), ("y", Int(1)))));
    }

    [Fact]
    public void Distinct_element_types_are_ordered_by_their_protobuf_text()
    {
        // blob:{...} < collection_type:{...} < simple:... (and within blobs, "" renders as blob:{}, after any format).
        Assert.Equal(
            Model.List(Model.Union(Model.File("csv"), Model.File(), Model.List(Model.Int), Model.Bool)),
            Infer(List(Bool(true), List(Int(1)), File(string.Empty), File("csv"))));
    }

    [Fact]
    public void Union_values_of_distinct_types_give_a_union_of_single_variant_unions()
    {
        var literal = List(
            Union(Int(1), SimpleType(Flyteidl.Core.SimpleType.Integer)),
            Union(Str("foo"), SimpleType(Flyteidl.Core.SimpleType.String)));

        Assert.Equal(Model.List(Model.Union(Model.Union(Model.Int), Model.Union(Model.Str))), Infer(literal));
    }

    [Fact]
    public void An_empty_nested_list_takes_its_siblings_type()
    {
        Assert.Equal(Model.List(Model.List(Model.Str)), Infer(List(List(Str("foo")), List())));
        Assert.Equal(Model.List(Model.List(Model.Str)), Infer(List(List(), List(Str("foo")))));
    }

    [Fact]
    public void Only_empty_nested_lists_give_a_list_of_empty_lists()
    {
        Assert.Equal(Model.List(Model.List(Model.None)), Infer(List(List())));
        Assert.Equal(Model.List(Model.List(Model.None)), Infer(List(List(), List())));
    }

    [Fact]
    public void Nested_lists_of_distinct_union_values_flatten_into_one_union()
    {
        var literal = List(
            List(Union(Int(1), SimpleType(Flyteidl.Core.SimpleType.Integer))),
            List(Union(Str("foo"), SimpleType(Flyteidl.Core.SimpleType.String))));

        Assert.Equal(Model.List(Model.List(Model.Union(Model.Int, Model.Str))), Infer(literal));
    }

    [Fact]
    public void Nested_lists_of_distinct_plain_types_give_a_union_of_lists()
    {
        Assert.Equal(
            Model.List(Model.Union(Model.List(Model.Int), Model.List(Model.Str))),
            Infer(List(List(Int(1)), List(Str("a")))));
    }

    [Fact]
    public void Direct_elements_of_distinct_types_are_not_merged_as_upstream()
    {
        Assert.Equal(Model.List(Model.Union(Model.Int, Model.None)), Infer(List(Int(1), None())));
        Assert.Equal(
            Model.List(Model.Union(Model.Union(Model.Int), Model.Union(Model.None))),
            Infer(List(Union(Int(1), SimpleType(Flyteidl.Core.SimpleType.Integer)), Union(None(), SimpleType(Flyteidl.Core.SimpleType.None)))));
    }

    [Fact]
    public void An_empty_container_deeper_down_takes_its_siblings_type()
    {
        // Upstream: union[map<list<INTEGER>>, map<list<NONE>>], which no map type accepts.
        Assert.Equal(
            Model.List(Model.Map(Model.List(Model.Int))),
            Infer(List(Map(("a", List(Int(1)))), Map(("a", List())))));
        Assert.Equal(
            Model.List(Model.Map(Model.Map(Model.Str))),
            Infer(List(Map(("a", Map())), Map(("b", Map(("c", Str("x"))))))));
        Assert.Equal(
            Model.List(Model.List(Model.List(Model.Int))),
            Infer(List(List(List(Int(1))), List(List()))));
    }

    [Fact]
    public void Sibling_maps_of_union_values_pool_their_variants()
    {
        var someInt = Union(Int(1), SimpleType(Flyteidl.Core.SimpleType.Integer, "int"));
        var noInt = Union(None(), SimpleType(Flyteidl.Core.SimpleType.None, "none"));
        var literal = List(Map(("a", someInt)), Map(("b", noInt)));

        var type = Infer(literal);

        Assert.Equal(Model.List(Model.Map(Model.Union(Model.Tag(Model.Int, "int"), Model.Tag(Model.None, "none")))), type);
        Assert.True(Castability.Check(type, Model.List(Model.Map(Model.Optional(Model.Int, "int"))), "outputs.o0").IsCastable);
    }

    [Fact]
    public void Sibling_containers_of_distinct_plain_types_are_not_merged()
    {
        Assert.Equal(
            Model.List(Model.Union(Model.Map(Model.Int), Model.Map(Model.Str))),
            Infer(List(Map(("a", Int(1))), Map(("a", Str("x"))))));
    }

    [Fact]
    public void Uninferable_values_fail_with_the_path_to_them()
    {
        var blobWithoutMetadata = Scalar(new Scalar { Blob = new Blob { Uri = "s3://x" } });
        var literal = List(Map(("a", Int(1))), Map(("a", Int(2)), ("b", blobWithoutMetadata)));

        Assert.False(LiteralTypeInference.TryInfer(literal, "outputs.o0", out var type, out var failure));
        Assert.Null(type);
        Assert.Equal("outputs.o0[1]{\"b\"}: the type of the value cannot be inferred: the blob has no metadata", failure);
    }

    [Fact]
    public void Every_missing_piece_is_named()
    {
        (Literal Literal, string Why)[] cases =
        [
            (new Literal(), "the literal has no value"),
            (Scalar(new Scalar()), "the scalar has no value"),
            (Scalar(new Scalar { Blob = new Blob { Metadata = new BlobMetadata() } }), "the blob metadata has no type"),
            (Scalar(new Scalar { Schema = new Schema { Uri = "s3://s" } }), "the schema has no type"),
            (Scalar(new Scalar { StructuredDataset = new StructuredDataset { Uri = "s3://d" } }), "the structured dataset has no metadata"),
            (Scalar(new Scalar { StructuredDataset = new StructuredDataset { Metadata = new StructuredDatasetMetadata() } }), "the structured dataset metadata has no type"),
            (Scalar(new Scalar { Union = new Flyteidl.Core.Union { Value = Int(1) } }), "the union value has no type"),
            (new Literal { OffloadedMetadata = new LiteralOffloadedMetadata { Uri = "s3://o" } }, "the offloaded literal has no inferred_type"),
        ];

        foreach (var (literal, why) in cases)
        {
            Assert.False(LiteralTypeInference.TryInfer(literal, "outputs.o0", out _, out var failure));
            Assert.Equal("outputs.o0: the type of the value cannot be inferred: " + why, failure);
        }
    }

    [Fact]
    public void A_carried_type_the_model_cannot_read_is_a_failure_not_a_crash()
    {
        var literal = Union(Int(1), new LiteralType());

        Assert.False(LiteralTypeInference.TryInfer(literal, "outputs.o0", out _, out var failure));
        Assert.StartsWith("outputs.o0: the type of the value cannot be inferred: the union value's type is not usable: LiteralType: the LiteralType has no type set", failure, StringComparison.Ordinal);
        var thrown = Assert.Throws<ArgumentException>(() => LiteralTypeInference.Infer(literal));
        Assert.StartsWith("literal: the type of the value cannot be inferred", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_and_metadata_of_a_literal_do_not_change_its_type()
    {
        var literal = File("csv");
        literal.Hash = "abc";
        literal.Metadata.Add("k", "v");

        Assert.Equal(Model.File("csv"), Infer(literal));
    }
}
