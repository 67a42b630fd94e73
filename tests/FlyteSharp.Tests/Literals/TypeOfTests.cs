using FlyteSharp.Core;
using FlyteSharp.Formats;
using FlyteSharp.Literals;
using FlyteSharp.Typing;
using Proto = Flyteidl.Core;

namespace FlyteSharp.Tests.Literals;

public sealed class TypeOfTests
{
    private static readonly SimpleType Integer = new(SimpleKind.Integer);

    private static UnionType Optional(FlyteType variant, string tag) =>
        new(EquatableArray.Create<FlyteType>(variant with { StructureTag = tag }, new SimpleType(SimpleKind.None) { StructureTag = "none" }));

    public static TheoryData<Type, FlyteType> Expected() => new()
    {
        { typeof(long), Integer },
        { typeof(int), Integer },
        { typeof(short), Integer },
        { typeof(byte), Integer },
        { typeof(double), new SimpleType(SimpleKind.Float) },
        { typeof(float), new SimpleType(SimpleKind.Float) },
        { typeof(string), new SimpleType(SimpleKind.String) },
        { typeof(bool), new SimpleType(SimpleKind.Boolean) },
        { typeof(DateTime), new SimpleType(SimpleKind.Datetime) },
        { typeof(DateTimeOffset), new SimpleType(SimpleKind.Datetime) },
        { typeof(TimeSpan), new SimpleType(SimpleKind.Duration) },
        { typeof(FlyteFile), new BlobType(string.Empty, BlobDimensionality.Single) },
        { typeof(FlyteFile<Csv>), new BlobType("csv", BlobDimensionality.Single) },
        { typeof(FlyteDirectory), new BlobType(string.Empty, BlobDimensionality.Multipart) },
        { typeof(FlyteDirectory<Parquet>), new BlobType("parquet", BlobDimensionality.Multipart) },
        { typeof(long[]), new CollectionType(Integer) },
        { typeof(List<string>), new CollectionType(new SimpleType(SimpleKind.String)) },
        { typeof(IEnumerable<bool>), new CollectionType(new SimpleType(SimpleKind.Boolean)) },
        { typeof(IReadOnlyList<FlyteFile<Csv>>), new CollectionType(new BlobType("csv", BlobDimensionality.Single)) },
        { typeof(Dictionary<string, double>), new MapType(new SimpleType(SimpleKind.Float)) },
        { typeof(IReadOnlyDictionary<string, List<long>>), new MapType(new CollectionType(Integer)) },
        { typeof(long?), Optional(Integer, "int") },
        { typeof(float?), Optional(new SimpleType(SimpleKind.Float), "float") },
        { typeof(bool?), Optional(new SimpleType(SimpleKind.Boolean), "bool") },
        { typeof(DateTime?), Optional(new SimpleType(SimpleKind.Datetime), "datetime") },
        { typeof(TimeSpan?), Optional(new SimpleType(SimpleKind.Duration), "timedelta") },
        { typeof(EnumConversionTests.Color?), Optional(new EnumType(EquatableArray.Create("Red", "Green", "Blue")), "DefaultEnumTransformer") },
        { typeof(Dictionary<string, long?[]>), new MapType(new CollectionType(Optional(Integer, "int"))) },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Each_supported_type_has_its_flyte_type(Type type, FlyteType expected)
    {
        Assert.Equal(expected, LiteralConverter.TypeOf(type));
    }

    [Fact]
    public void The_generic_and_the_runtime_forms_agree()
    {
#pragma warning disable CA2263 // Comparing the runtime form with the generic one is the point.
        Assert.Equal(LiteralConverter.TypeOf(typeof(Dictionary<string, long?[]>)), LiteralConverter.TypeOf<Dictionary<string, long?[]>>());
#pragma warning restore CA2263
        Assert.Same(LiteralConverter.For<List<long>>(), LiteralConverter.For<List<long>>());
    }

    [Fact]
    public void Nullable_references_come_from_the_signature()
    {
        Assert.Equal(Optional(new SimpleType(SimpleKind.String), "str"), LiteralConverter.For<string>("?").Type);
        Assert.Equal(new SimpleType(SimpleKind.String), LiteralConverter.For<string>("!").Type);
        Assert.Equal(
            new CollectionType(Optional(new BlobType("csv", BlobDimensionality.Single), "FlyteFilePath")),
            LiteralConverter.For<List<FlyteFile<Csv>>>("!?").Type);
        Assert.Equal(
            Optional(new MapType(Optional(new CollectionType(Optional(Integer, "int")), "Typed List")), "Typed Dict"),
            LiteralConverter.For<Dictionary<string, long?[]>>("???").Type);
    }

    [Fact]
    public void The_protobuf_type_matches_the_model()
    {
        var literalType = LiteralConverter.For<Dictionary<string, FlyteFile<Csv>?[]>>("!!?").CreateLiteralType();

        var variants = literalType.MapValueType.CollectionType.UnionType.Variants;
        Assert.Equal(Proto.SimpleType.None, variants[1].Simple);
        Assert.Equal("none", variants[1].Structure.Tag);
        Assert.Equal("csv", variants[0].Blob.Format);
        Assert.Equal(Proto.BlobType.Types.BlobDimensionality.Single, variants[0].Blob.Dimensionality);
        Assert.Equal("FlyteFilePath", variants[0].Structure.Tag);
        Assert.Null(literalType.Structure);
    }

    [Fact]
    public void The_protobuf_type_is_a_fresh_copy_each_time()
    {
        var first = LiteralConverter.LiteralTypeOf<long?>();
        first.UnionType.Variants.Clear();

        Assert.Equal(2, LiteralConverter.LiteralTypeOf<long?>().UnionType.Variants.Count);
    }

    [Theory]
    [InlineData(typeof(object), "object is not a supported Flyte type")]
    [InlineData(typeof(decimal), "decimal is not a supported Flyte type")]
    [InlineData(typeof(ulong), "ulong is not a supported Flyte type")]
    [InlineData(typeof(List<object>), "object is not a supported Flyte type (inside List<object>)")]
    [InlineData(typeof(Dictionary<int, long>), "Flyte maps have string keys, not int")]
    [InlineData(typeof(long[,]), "long[,] is not a supported Flyte type")]
    [InlineData(typeof(HashSet<long>), "HashSet<long> is not a supported Flyte type")]
    public void Unsupported_types_are_named_in_a_clear_error(Type type, string expected)
    {
        var error = Assert.Throws<FlyteTypeException>(() => LiteralConverter.TypeOf(type));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsupported_type_fails_on_every_use_not_just_the_first()
    {
        Assert.Throws<FlyteTypeException>(() => LiteralConverter.ToLiteral(new object()));
        var again = Assert.Throws<FlyteTypeException>(() => LiteralConverter.FromLiteral<object>(LiteralConverter.ToLiteral(1L)));

        Assert.Contains("object is not a supported Flyte type", again.Message, StringComparison.Ordinal);
    }
}
