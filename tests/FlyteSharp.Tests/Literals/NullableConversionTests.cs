using Flyteidl.Core;
using FlyteSharp.Formats;
using FlyteSharp.Literals;
using Google.Protobuf.WellKnownTypes;
using ProtoBlobType = Flyteidl.Core.BlobType;

namespace FlyteSharp.Tests.Literals;

/// <summary>Union literals exactly as flytekit's UnionTransformer writes them for <c>Optional[T]</c>.</summary>
public sealed class NullableConversionTests
{
    private static LiteralType Tagged(LiteralType type, string tag)
    {
        type.Structure = new TypeStructure { Tag = tag };
        return type;
    }

    private static Literal Union(Literal value, LiteralType storedType) =>
        new() { Scalar = new Scalar { Union = new Flyteidl.Core.Union { Value = value, Type = storedType } } };

    private static Literal None() => new() { Scalar = new Scalar { NoneType = new Flyteidl.Core.Void() } };

    private static LiteralType NoneType() => Tagged(new LiteralType { Simple = SimpleType.None }, "none");

    private static Literal Primitive(Primitive primitive) => new() { Scalar = new Scalar { Primitive = primitive } };

    [Fact]
    public void A_nullable_long_with_a_value_is_a_union_tagged_int()
    {
        var expected = Union(Primitive(new Primitive { Integer = 5 }), Tagged(new LiteralType { Simple = SimpleType.Integer }, "int"));

        Assert.Equal(expected, LiteralConverter.ToLiteral<long?>(5));
        Assert.Equal(expected, LiteralConverter.ToLiteral<int?>(5));
        Assert.Equal(5L, LiteralConverter.FromLiteral<long?>(expected));
    }

    [Fact]
    public void A_null_is_a_none_literal_in_a_union_tagged_none()
    {
        var expected = Union(None(), NoneType());

        Assert.Equal(expected, LiteralConverter.ToLiteral<long?>(null));
        Assert.Equal(expected, LiteralConverter.ToLiteral<TimeSpan?>(null));
        Assert.Null(LiteralConverter.FromLiteral<long?>(expected));
    }

    public static TheoryData<Literal, string> EachVariantTag() => new()
    {
        { LiteralConverter.ToLiteral<double?>(1.5), "float" },
        { LiteralConverter.ToLiteral<bool?>(true), "bool" },
        { LiteralConverter.ToLiteral<DateTime?>(DateTime.UnixEpoch), "datetime" },
        { LiteralConverter.ToLiteral<DateTimeOffset?>(DateTimeOffset.UnixEpoch), "datetime" },
        { LiteralConverter.ToLiteral<TimeSpan?>(TimeSpan.FromSeconds(1)), "timedelta" },
        { LiteralConverter.For<string?>("?").ToLiteral("x"), "str" },
        { LiteralConverter.For<FlyteFile<Csv>?>("?").ToLiteral(new FlyteFile<Csv>("s3://b/a.csv")), "FlyteFilePath" },
        { LiteralConverter.For<FlyteDirectory?>("?").ToLiteral(new FlyteDirectory("s3://b/d/")), "FlyteDirectory" },
        { LiteralConverter.For<List<long>?>("?!").ToLiteral([1]), "Typed List" },
        { LiteralConverter.For<long[]?>("?!").ToLiteral([1]), "Typed List" },
        { LiteralConverter.For<Dictionary<string, long>?>("?!").ToLiteral(new() { ["a"] = 1 }), "Typed Dict" },
        { LiteralConverter.ToLiteral<EnumConversionTests.Color?>(EnumConversionTests.Color.Red), "DefaultEnumTransformer" },
    };

    [Theory]
    [MemberData(nameof(EachVariantTag))]
    public void Each_variant_carries_flytekits_transformer_name(Literal literal, string tag)
    {
        Assert.Equal(tag, literal.Scalar.Union.Type.Structure.Tag);
    }

    [Fact]
    public void The_stored_type_of_a_typed_file_is_the_tagged_blob_type()
    {
        var literal = LiteralConverter.For<FlyteFile<Csv>?>("?").ToLiteral(new FlyteFile<Csv>("s3://b/a.csv"));

        var expected = Tagged(
            new LiteralType { Blob = new ProtoBlobType { Format = "csv", Dimensionality = ProtoBlobType.Types.BlobDimensionality.Single } },
            "FlyteFilePath");
        Assert.Equal(expected, literal.Scalar.Union.Type);
    }

    [Fact]
    public void The_stored_type_of_a_list_keeps_the_inner_union_tags()
    {
        var literal = LiteralConverter.For<List<long?>?>("??").ToLiteral([1, null]);

        var inner = new LiteralType
        {
            UnionType = new UnionType
            {
                Variants = { Tagged(new LiteralType { Simple = SimpleType.Integer }, "int"), NoneType() },
            },
        };
        Assert.Equal(Tagged(new LiteralType { CollectionType = inner }, "Typed List"), literal.Scalar.Union.Type);
    }

    [Fact]
    public void Bare_literals_of_either_variant_are_read_leniently()
    {
        Assert.Equal(7L, LiteralConverter.FromLiteral<long?>(Primitive(new Primitive { Integer = 7 })));
        Assert.Null(LiteralConverter.FromLiteral<long?>(None()));
        Assert.Null(LiteralConverter.For<string?>("?").FromLiteral(None()));
        Assert.Equal("s", LiteralConverter.For<string?>("?").FromLiteral(Primitive(new Primitive { StringValue = "s" })));
    }

    [Fact]
    public void A_union_without_a_tag_is_read_by_its_value()
    {
        var untagged = Union(Primitive(new Primitive { Integer = 3 }), new LiteralType { Simple = SimpleType.Integer });
        var untaggedNone = Union(None(), new LiteralType { Simple = SimpleType.None });

        Assert.Equal(3L, LiteralConverter.FromLiteral<long?>(untagged));
        Assert.Null(LiteralConverter.FromLiteral<long?>(untaggedNone));
    }

    [Fact]
    public void A_union_tagged_with_another_variant_is_refused_naming_the_tags()
    {
        var str = Union(Primitive(new Primitive { StringValue = "x" }), Tagged(new LiteralType { Simple = SimpleType.String }, "str"));

        var error = Assert.Throws<FlyteTypeException>(() => LiteralConverter.FromLiteral<long?>(str));

        Assert.Contains("\"str\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"int\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("long?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_union_tagged_none_must_hold_none()
    {
        var lying = Union(Primitive(new Primitive { Integer = 1 }), NoneType());

        Assert.Throws<FlyteTypeException>(() => LiteralConverter.FromLiteral<long?>(lying));
    }

    [Fact]
    public void A_union_without_a_value_is_an_error()
    {
        var empty = new Literal { Scalar = new Scalar { Union = new Flyteidl.Core.Union { Type = NoneType() } } };

        Assert.Throws<FlyteTypeException>(() => LiteralConverter.FromLiteral<long?>(empty));
    }

    [Fact]
    public void The_union_value_is_checked_like_a_bare_value()
    {
        var tooBig = LiteralConverter.ToLiteral<long?>(long.MaxValue);

        var error = Assert.Throws<FlyteTypeException>(() => LiteralConverter.FromLiteral<int?>(tooBig));

        Assert.Contains("does not fit in int", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_datetime_union_holds_a_timestamp()
    {
        var literal = LiteralConverter.ToLiteral<DateTime?>(DateTime.UnixEpoch.AddSeconds(1));

        Assert.Equal(new Timestamp { Seconds = 1 }, literal.Scalar.Union.Value.Scalar.Primitive.Datetime);
    }

    [Fact]
    public void Written_literals_do_not_share_their_stored_types()
    {
        var first = LiteralConverter.ToLiteral<long?>(1);
        first.Scalar.Union.Type.Structure.Tag = "changed";

        Assert.Equal("int", LiteralConverter.ToLiteral<long?>(2).Scalar.Union.Type.Structure.Tag);
    }
}
