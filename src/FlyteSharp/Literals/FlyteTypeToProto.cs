using FlyteSharp.Typing;
using Proto = Flyteidl.Core;

namespace FlyteSharp.Literals;

/// <summary>Builds the protobuf <c>LiteralType</c> for a <see cref="FlyteType"/> (the model carries no metadata or annotations).</summary>
internal static class FlyteTypeToProto
{
    public static Proto.LiteralType Convert(FlyteType type)
    {
        var literalType = type switch
        {
            SimpleType simple => new Proto.LiteralType { Simple = (Proto.SimpleType)simple.Kind },
            BlobType blob => new Proto.LiteralType
            {
                Blob = new Proto.BlobType
                {
                    Format = blob.Format,
                    Dimensionality = (Proto.BlobType.Types.BlobDimensionality)blob.Dimensionality,
                },
            },
            CollectionType collection => new Proto.LiteralType { CollectionType = Convert(collection.ElementType) },
            MapType map => new Proto.LiteralType { MapValueType = Convert(map.ValueType) },
            EnumType enumType => new Proto.LiteralType { EnumType = new Proto.EnumType { Values = { enumType.Values } } },
            UnionType union => new Proto.LiteralType { UnionType = new Proto.UnionType { Variants = { union.Variants.Select(Convert) } } },
            StructuredDatasetType dataset => new Proto.LiteralType
            {
                StructuredDatasetType = new Proto.StructuredDatasetType
                {
                    Format = dataset.Format,
                    Columns =
                    {
                        dataset.Columns.Select(column => new Proto.StructuredDatasetType.Types.DatasetColumn
                        {
                            Name = column.Name,
                            LiteralType = Convert(column.Type),
                        }),
                    },
                },
            },
            SchemaType schema => new Proto.LiteralType
            {
                Schema = new Proto.SchemaType
                {
                    Columns =
                    {
                        schema.Columns.Select(column => new Proto.SchemaType.Types.SchemaColumn
                        {
                            Name = column.Name,
                            Type = (Proto.SchemaType.Types.SchemaColumn.Types.SchemaColumnType)column.Kind,
                        }),
                    },
                },
            },
            _ => throw new ArgumentException("Unknown Flyte type " + type + ".", nameof(type)),
        };

        if (type.StructureTag is not null)
        {
            literalType.Structure = new Proto.TypeStructure { Tag = type.StructureTag };
        }

        return literalType;
    }
}
