using FlyteSharp.Core;
using FlyteSharp.Typing;

namespace FlyteSharp.Tests.Literals;

/// <summary>The names flytekit's type engine gives its transformers (flytekit/core/type_engine.py and the file types).</summary>
public sealed class FlytekitNamesTests
{
    public static TheoryData<FlyteType, string> Tags() => new()
    {
        { new SimpleType(SimpleKind.Integer), "int" },
        { new SimpleType(SimpleKind.Float), "float" },
        { new SimpleType(SimpleKind.String), "str" },
        { new SimpleType(SimpleKind.Boolean), "bool" },
        { new SimpleType(SimpleKind.Datetime), "datetime" },
        { new SimpleType(SimpleKind.Duration), "timedelta" },
        { new SimpleType(SimpleKind.None), "none" },
        { new BlobType("csv", BlobDimensionality.Single), "FlyteFilePath" },
        { new BlobType(string.Empty, BlobDimensionality.Multipart), "FlyteDirectory" },
        { new CollectionType(new SimpleType(SimpleKind.Integer)), "Typed List" },
        { new MapType(new SimpleType(SimpleKind.Integer)), "Typed Dict" },
        { new EnumType(EquatableArray.Create("A")), "DefaultEnumTransformer" },
        { FlytekitNames.NullableUnion(new SimpleType(SimpleKind.Integer)), "Typed Union" },
    };

    [Theory]
    [MemberData(nameof(Tags))]
    public void Each_type_gets_its_transformer_name(FlyteType type, string tag)
    {
        Assert.Equal(tag, FlytekitNames.UnionTagOf(type));
    }

    [Fact]
    public void Types_without_a_single_transformer_have_no_tag()
    {
        Assert.Throws<ArgumentException>(() => FlytekitNames.UnionTagOf(new SimpleType(SimpleKind.Binary)));
        Assert.Throws<ArgumentException>(() => FlytekitNames.UnionTagOf(new StructuredDatasetType(EquatableArray.Create<DatasetColumn>(), "parquet")));
        Assert.Throws<ArgumentNullException>(() => FlytekitNames.UnionTagOf(null!));
    }

    [Fact]
    public void A_nullable_union_tags_the_variant_and_appends_none()
    {
        var union = FlytekitNames.NullableUnion(new BlobType("csv", BlobDimensionality.Single));

        Assert.Equal(2, union.Variants.Count);
        Assert.Equal(new BlobType("csv", BlobDimensionality.Single) { StructureTag = "FlyteFilePath" }, union.Variants[0]);
        Assert.Equal(new SimpleType(SimpleKind.None) { StructureTag = "none" }, union.Variants[1]);
        Assert.Null(union.StructureTag);
    }
}
