using CsCheck;
using FlyteSharp.Core;
using FlyteSharp.Typing;

namespace FlyteSharp.Tests.Typing;

/// <summary>CsCheck generators of model types.</summary>
internal static class TypeGenerator
{
    public static readonly Gen<string> Formats = Gen.OneOf("", "csv", "CSV", "parquet", "Parquet", "json");

    /// <summary>
    /// Every kind of type, nested up to <paramref name="depth"/>, sometimes tagged. Column names are unique, as
    /// Flyte's are; unions have at least <paramref name="minimumVariants"/> variants.
    /// </summary>
    public static Gen<FlyteType> Any(int depth, int minimumVariants = 0)
    {
        var leaf = Gen.OneOf(
            Gen.Enum<SimpleKind>().Select(kind => (FlyteType)new SimpleType(kind)),
            Gen.Select(Formats, Gen.Enum<BlobDimensionality>(), (format, dimensionality) => (FlyteType)new BlobType(format, dimensionality)),
            Gen.OneOf("red", "green", "blue").Array[0, 3].Select(values => (FlyteType)new EnumType(values.ToEquatableArray())),
            Gen.Enum<SchemaColumnKind>().Array[0, 3].Select(kinds => (FlyteType)new SchemaType(
                kinds.Select((kind, i) => new SchemaColumn("c" + i, kind)).ToEquatableArray())));

        Gen<FlyteType> untagged;
        if (depth == 0)
        {
            untagged = leaf;
        }
        else
        {
            var inner = Any(depth - 1, minimumVariants);
            untagged = Gen.Frequency(
                (3, leaf),
                (1, inner.Select(element => (FlyteType)new CollectionType(element))),
                (1, inner.Select(value => (FlyteType)new MapType(value))),
                (1, inner.Array[minimumVariants, 3].Select(variants => (FlyteType)new UnionType(variants.ToEquatableArray()))),
                (1, Gen.Select(Formats, inner.Array[0, 3], (format, columns) => (FlyteType)new StructuredDatasetType(
                    columns.Select((type, i) => new DatasetColumn("c" + i, type)).ToEquatableArray(),
                    format))));
        }

        return Gen.Select(untagged, Gen.OneOf<string?>(null, null, "a", "b"), (type, tag) => tag is null ? type : type with { StructureTag = tag });
    }
}
