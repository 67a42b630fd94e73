using FlyteSharp.Core;
using FlyteSharp.Typing;

namespace FlyteSharp.Tests.Typing;

/// <summary>Short constructors for model types, so a test reads like the type it checks.</summary>
internal static class Types
{
    public static readonly SimpleType None = new(SimpleKind.None);
    public static readonly SimpleType Int = new(SimpleKind.Integer);
    public static readonly SimpleType Float = new(SimpleKind.Float);
    public static readonly SimpleType Str = new(SimpleKind.String);
    public static readonly SimpleType Bool = new(SimpleKind.Boolean);
    public static readonly SimpleType Struct = new(SimpleKind.Struct);

    public static BlobType File(string format = "") => new(format, BlobDimensionality.Single);

    public static BlobType Dir(string format = "") => new(format, BlobDimensionality.Multipart);

    public static CollectionType List(FlyteType element) => new(element);

    public static MapType Map(FlyteType value) => new(value);

    public static UnionType Union(params FlyteType[] variants) => new(variants.ToEquatableArray());

    /// <summary>A C# <c>T?</c>: <c>[T, NONE]</c> with the variant tags flytekit writes.</summary>
    public static UnionType Optional(FlyteType type, string tag) => Union(Tag(type, tag), Tag(None, "none"));

    public static EnumType Enum(params string[] values) => new(values.ToEquatableArray());

    public static T Tag<T>(T type, string tag)
        where T : FlyteType => type with { StructureTag = tag };

    public static StructuredDatasetType Dataset(string format, params (string Name, FlyteType Type)[] columns) =>
        new(columns.Select(c => new DatasetColumn(c.Name, c.Type)).ToEquatableArray(), format);

    public static SchemaType Schema(params (string Name, SchemaColumnKind Kind)[] columns) =>
        new(columns.Select(c => new SchemaColumn(c.Name, c.Kind)).ToEquatableArray());
}
