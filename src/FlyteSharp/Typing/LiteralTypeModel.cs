using System.Globalization;
using FlyteSharp.Core;
using Google.Protobuf;
using Proto = Flyteidl.Core;

namespace FlyteSharp.Typing;

/// <summary>
/// Converts <c>flyteidl.core.LiteralType</c> messages to the <see cref="FlyteType"/> model and back. The structure
/// tag is kept (union variants are matched by it); metadata, annotations and <c>structure.dataclass_type</c> are
/// dropped, as castability ignores them. A type the model cannot represent is a
/// <see cref="LiteralTypeConversionException"/> naming where it sits, never a silent approximation.
/// </summary>
public static class LiteralTypeModel
{
    private const string Root = "LiteralType";

    /// <summary>Converts a protobuf literal type to the model.</summary>
    /// <exception cref="LiteralTypeConversionException">The type has no kind set, or a kind or enum value the model does not know.</exception>
    public static FlyteType ToFlyteType(this Proto.LiteralType literalType)
    {
        ArgumentNullException.ThrowIfNull(literalType);
        return FromProto(literalType, Root);
    }

    /// <summary>Converts a model type to a protobuf literal type.</summary>
    /// <exception cref="LiteralTypeConversionException">The model holds an enum value Flyte does not define.</exception>
    public static Proto.LiteralType ToLiteralType(this FlyteType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return ToProto(type, Root);
    }

    internal static FlyteType FromProto(Proto.LiteralType literalType, string path)
    {
        FlyteType type = literalType.TypeCase switch
        {
            Proto.LiteralType.TypeOneofCase.Simple => new SimpleType(Defined((SimpleKind)(int)literalType.Simple, path + ".simple")),
            Proto.LiteralType.TypeOneofCase.Blob => new BlobType(
                literalType.Blob.Format,
                Defined((BlobDimensionality)(int)literalType.Blob.Dimensionality, path + ".blob.dimensionality")),
            Proto.LiteralType.TypeOneofCase.CollectionType => new CollectionType(FromProto(literalType.CollectionType, path + ".collection_type")),
            Proto.LiteralType.TypeOneofCase.MapValueType => new MapType(FromProto(literalType.MapValueType, path + ".map_value_type")),
            Proto.LiteralType.TypeOneofCase.EnumType => new EnumType(literalType.EnumType.Values.ToEquatableArray()),
            Proto.LiteralType.TypeOneofCase.UnionType => new UnionType(literalType.UnionType.Variants
                .Select((variant, i) => FromProto(variant, path + ".union_type.variants[" + Index(i) + "]"))
                .ToEquatableArray()),
            Proto.LiteralType.TypeOneofCase.StructuredDatasetType => FromProto(literalType.StructuredDatasetType, path + ".structured_dataset_type"),
            Proto.LiteralType.TypeOneofCase.Schema => new SchemaType(literalType.Schema.Columns
                .Select((column, i) => new SchemaColumn(
                    column.Name,
                    Defined((SchemaColumnKind)(int)column.Type, path + ".schema.columns[" + Index(i) + "].type")))
                .ToEquatableArray()),
            Proto.LiteralType.TypeOneofCase.None => throw new LiteralTypeConversionException(
                path + ": the LiteralType has no type set (none of simple, blob, collection_type, map_value_type, enum_type, union_type, structured_dataset_type, schema)"),
            _ => throw new LiteralTypeConversionException(
                path + ": LiteralType kind " + literalType.TypeCase + " is not supported by FlyteSharp (Flyte IDL " + FlyteIdl.Version + ")"),
        };

        var tag = literalType.Structure?.Tag;
        return string.IsNullOrEmpty(tag) ? type : type with { StructureTag = tag };
    }

    private static StructuredDatasetType FromProto(Proto.StructuredDatasetType dataset, string path) =>
        new(
            dataset.Columns
                .Select((column, i) => new DatasetColumn(
                    column.Name,
                    column.LiteralType is null
                        ? throw new LiteralTypeConversionException(path + ".columns[" + Index(i) + "]: column \"" + column.Name + "\" has no literal_type")
                        : FromProto(column.LiteralType, path + ".columns[" + Index(i) + "].literal_type")))
                .ToEquatableArray(),
            dataset.Format)
        {
            ExternalSchemaType = dataset.ExternalSchemaType,
            ExternalSchemaBytes = dataset.ExternalSchemaBytes.ToByteArray().ToEquatableArray(),
        };

    private static Proto.LiteralType ToProto(FlyteType type, string path)
    {
        var literalType = type switch
        {
            SimpleType simple => new Proto.LiteralType { Simple = (Proto.SimpleType)(int)Defined(simple.Kind, path + ".simple") },
            BlobType blob => new Proto.LiteralType
            {
                Blob = new Proto.BlobType
                {
                    Format = blob.Format,
                    Dimensionality = (Proto.BlobType.Types.BlobDimensionality)(int)Defined(blob.Dimensionality, path + ".blob.dimensionality"),
                },
            },
            CollectionType collection => new Proto.LiteralType { CollectionType = ToProto(collection.ElementType, path + ".collection_type") },
            MapType map => new Proto.LiteralType { MapValueType = ToProto(map.ValueType, path + ".map_value_type") },
            EnumType enumType => new Proto.LiteralType { EnumType = new Proto.EnumType { Values = { enumType.Values } } },
            UnionType union => new Proto.LiteralType
            {
                UnionType = new Proto.UnionType
                {
                    Variants = { union.Variants.Select((variant, i) => ToProto(variant, path + ".union_type.variants[" + Index(i) + "]")) },
                },
            },
            StructuredDatasetType dataset => new Proto.LiteralType
            {
                StructuredDatasetType = new Proto.StructuredDatasetType
                {
                    Columns =
                    {
                        dataset.Columns.Select((column, i) => new Proto.StructuredDatasetType.Types.DatasetColumn
                        {
                            Name = column.Name,
                            LiteralType = ToProto(column.Type, path + ".structured_dataset_type.columns[" + Index(i) + "].literal_type"),
                        }),
                    },
                    Format = dataset.Format,
                    ExternalSchemaType = dataset.ExternalSchemaType,
                    ExternalSchemaBytes = ByteString.CopyFrom(dataset.ExternalSchemaBytes.ToArray()),
                },
            },
            SchemaType schema => new Proto.LiteralType
            {
                Schema = new Proto.SchemaType
                {
                    Columns =
                    {
                        schema.Columns.Select((column, i) => new Proto.SchemaType.Types.SchemaColumn
                        {
                            Name = column.Name,
                            Type = (Proto.SchemaType.Types.SchemaColumn.Types.SchemaColumnType)(int)Defined(column.Kind, path + ".schema.columns[" + Index(i) + "].type"),
                        }),
                    },
                },
            },
            _ => throw new LiteralTypeConversionException(path + ": " + type.GetType().Name + " has no LiteralType equivalent"),
        };

        if (!string.IsNullOrEmpty(type.StructureTag))
        {
            literalType.Structure = new Proto.TypeStructure { Tag = type.StructureTag };
        }

        return literalType;
    }

    private static T Defined<T>(T value, string path)
        where T : struct, Enum =>
        Enum.IsDefined(value)
            ? value
            : throw new LiteralTypeConversionException(
                path + ": " + typeof(T).Name + " value " + Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)
                + " is not known to FlyteSharp (Flyte IDL " + FlyteIdl.Version + ")");

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);
}
