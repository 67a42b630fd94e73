// Mirrors the hash flytestdlib pbhash.ComputeHash (v1.16.8) gives a flyteidl.core.VariableMap / LiteralType:
// objecthash of the message as golang/protobuf jsonpb renders it, computed here from the plain type model.
using System;
using System.Collections.Generic;
using FlyteSharp.Typing;

namespace FlyteSharp.Hashing;

/// <summary>
/// The canonical hash of a Flyte <c>VariableMap</c> or <c>LiteralType</c> computed from the type model, equal to
/// what Flyte's <c>pbhash</c> gives the equivalent protobuf message. The model carries no type metadata or
/// annotations, so its hashes are those of messages without them; <see cref="FlyteType.StructureTag"/> maps to
/// <c>structure.tag</c> (a non-null tag, even empty, means a <c>structure</c> message is present).
/// </summary>
public static class TypeModelHash
{
    private static readonly byte[] VariablesKey = ObjectHash.OfString("variables");
    private static readonly byte[] TypeKey = ObjectHash.OfString("type");
    private static readonly byte[] DescriptionKey = ObjectHash.OfString("description");
    private static readonly byte[] SimpleKey = ObjectHash.OfString("simple");
    private static readonly byte[] BlobKey = ObjectHash.OfString("blob");
    private static readonly byte[] FormatKey = ObjectHash.OfString("format");
    private static readonly byte[] DimensionalityKey = ObjectHash.OfString("dimensionality");
    private static readonly byte[] CollectionTypeKey = ObjectHash.OfString("collectionType");
    private static readonly byte[] MapValueTypeKey = ObjectHash.OfString("mapValueType");
    private static readonly byte[] EnumTypeKey = ObjectHash.OfString("enumType");
    private static readonly byte[] ValuesKey = ObjectHash.OfString("values");
    private static readonly byte[] UnionTypeKey = ObjectHash.OfString("unionType");
    private static readonly byte[] VariantsKey = ObjectHash.OfString("variants");
    private static readonly byte[] StructuredDatasetTypeKey = ObjectHash.OfString("structuredDatasetType");
    private static readonly byte[] ColumnsKey = ObjectHash.OfString("columns");
    private static readonly byte[] NameKey = ObjectHash.OfString("name");
    private static readonly byte[] LiteralTypeKey = ObjectHash.OfString("literalType");
    private static readonly byte[] SchemaKey = ObjectHash.OfString("schema");
    private static readonly byte[] StructureKey = ObjectHash.OfString("structure");
    private static readonly byte[] TagKey = ObjectHash.OfString("tag");

    /// <summary>
    /// The hash of a <c>VariableMap</c> holding <paramref name="variables"/> (names must be distinct), descriptions
    /// included as given. An empty sequence hashes as the empty map.
    /// </summary>
    public static byte[] OfVariableMap(IEnumerable<FlyteVariable> variables) => OfVariableMap(variables, includeDescriptions: true);

    /// <summary>The hash of a <c>LiteralType</c>.</summary>
    public static byte[] OfLiteralType(FlyteType type) => HashType(type ?? throw new ArgumentNullException(nameof(type)), "type");

    internal static byte[] OfVariableMap(IEnumerable<FlyteVariable> variables, bool includeDescriptions)
    {
        _ = variables ?? throw new ArgumentNullException(nameof(variables));

        var names = new HashSet<string>(StringComparer.Ordinal);
        var entries = new List<KeyValuePair<byte[], byte[]>>();
        foreach (var variable in variables)
        {
            if (variable is null || variable.Name is null)
            {
                throw new ArgumentException("A variable and its name must not be null.", nameof(variables));
            }

            if (!names.Add(variable.Name))
            {
                throw new ArgumentException("Variable '" + variable.Name + "' appears twice; a VariableMap holds each name once.", nameof(variables));
            }

            if (variable.Type is null)
            {
                throw new ArgumentException("Variable '" + variable.Name + "' has no type.", nameof(variables));
            }

            var fields = new List<KeyValuePair<byte[], byte[]>>
            {
                Entry(TypeKey, HashType(variable.Type, variable.Name)),
            };
            if (includeDescriptions && !string.IsNullOrEmpty(variable.Description))
            {
                fields.Add(Entry(DescriptionKey, ObjectHash.OfString(variable.Description!)));
            }

            entries.Add(Entry(ObjectHash.OfString(variable.Name), ObjectHash.OfDictionary(fields)));
        }

        var map = new List<KeyValuePair<byte[], byte[]>>();
        if (entries.Count > 0)
        {
            map.Add(Entry(VariablesKey, ObjectHash.OfDictionary(entries)));
        }

        return ObjectHash.OfDictionary(map);
    }

    private static byte[] HashType(FlyteType type, string path)
    {
        if (type is null)
        {
            throw new ArgumentException("The type at '" + path + "' is null.", nameof(type));
        }

        var fields = new List<KeyValuePair<byte[], byte[]>>(2);
        switch (type)
        {
            case SimpleType simple:
                fields.Add(Entry(SimpleKey, EnumValue(SimpleKindName(simple.Kind), (int)simple.Kind)));
                break;
            case BlobType blob:
                var blobFields = new List<KeyValuePair<byte[], byte[]>>(2);
                AddString(blobFields, FormatKey, Required(blob.Format, path, "format"));
                if (blob.Dimensionality != BlobDimensionality.Single)
                {
                    var name = blob.Dimensionality == BlobDimensionality.Multipart ? "MULTIPART" : null;
                    blobFields.Add(Entry(DimensionalityKey, EnumValue(name, (int)blob.Dimensionality)));
                }

                fields.Add(Entry(BlobKey, ObjectHash.OfDictionary(blobFields)));
                break;
            case CollectionType collection:
                fields.Add(Entry(CollectionTypeKey, HashType(collection.ElementType, path + "[]")));
                break;
            case MapType map:
                fields.Add(Entry(MapValueTypeKey, HashType(map.ValueType, path + "{}")));
                break;
            case EnumType enumType:
                var values = new List<byte[]>(enumType.Values.Count);
                foreach (var value in enumType.Values)
                {
                    values.Add(ObjectHash.OfString(Required(value, path, "enum value")));
                }

                fields.Add(Entry(EnumTypeKey, ObjectHash.OfDictionary(OptionalList(ValuesKey, values))));
                break;
            case UnionType union:
                var variants = new List<byte[]>(union.Variants.Count);
                for (var i = 0; i < union.Variants.Count; i++)
                {
                    variants.Add(HashType(union.Variants[i], path + ".variants[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]"));
                }

                fields.Add(Entry(UnionTypeKey, ObjectHash.OfDictionary(OptionalList(VariantsKey, variants))));
                break;
            case StructuredDatasetType dataset:
                var columns = new List<byte[]>(dataset.Columns.Count);
                foreach (var column in dataset.Columns)
                {
                    var columnFields = new List<KeyValuePair<byte[], byte[]>>(2);
                    AddString(columnFields, NameKey, Required(column?.Name, path, "column name"));
                    columnFields.Add(Entry(LiteralTypeKey, HashType(column!.Type, path + "." + column.Name)));
                    columns.Add(ObjectHash.OfDictionary(columnFields));
                }

                var datasetFields = OptionalList(ColumnsKey, columns);
                AddString(datasetFields, FormatKey, Required(dataset.Format, path, "format"));
                fields.Add(Entry(StructuredDatasetTypeKey, ObjectHash.OfDictionary(datasetFields)));
                break;
            case SchemaType schema:
                var schemaColumns = new List<byte[]>(schema.Columns.Count);
                foreach (var column in schema.Columns)
                {
                    var columnFields = new List<KeyValuePair<byte[], byte[]>>(2);
                    AddString(columnFields, NameKey, Required(column?.Name, path, "column name"));
                    if (column!.Kind != SchemaColumnKind.Integer)
                    {
                        columnFields.Add(Entry(TypeKey, EnumValue(SchemaColumnKindName(column.Kind), (int)column.Kind)));
                    }

                    schemaColumns.Add(ObjectHash.OfDictionary(columnFields));
                }

                fields.Add(Entry(SchemaKey, ObjectHash.OfDictionary(OptionalList(ColumnsKey, schemaColumns))));
                break;
            default:
                throw new ArgumentException("The type at '" + path + "' is a " + type.GetType().Name + ", which has no LiteralType form.", nameof(type));
        }

        if (type.StructureTag is not null)
        {
            var structure = new List<KeyValuePair<byte[], byte[]>>(1);
            AddString(structure, TagKey, type.StructureTag);
            fields.Add(Entry(StructureKey, ObjectHash.OfDictionary(structure)));
        }

        return ObjectHash.OfDictionary(fields);
    }

    // jsonpb writes a known enum value by name and an unknown number as a JSON number.
    private static byte[] EnumValue(string? name, int number) => name is null ? ObjectHash.OfFloat(number) : ObjectHash.OfString(name);

    private static string? SimpleKindName(SimpleKind kind) => kind switch
    {
        SimpleKind.None => "NONE",
        SimpleKind.Integer => "INTEGER",
        SimpleKind.Float => "FLOAT",
        SimpleKind.String => "STRING",
        SimpleKind.Boolean => "BOOLEAN",
        SimpleKind.Datetime => "DATETIME",
        SimpleKind.Duration => "DURATION",
        SimpleKind.Binary => "BINARY",
        SimpleKind.Error => "ERROR",
        SimpleKind.Struct => "STRUCT",
        _ => null,
    };

    private static string? SchemaColumnKindName(SchemaColumnKind kind) => kind switch
    {
        SchemaColumnKind.Integer => "INTEGER",
        SchemaColumnKind.Float => "FLOAT",
        SchemaColumnKind.String => "STRING",
        SchemaColumnKind.Boolean => "BOOLEAN",
        SchemaColumnKind.Datetime => "DATETIME",
        SchemaColumnKind.Duration => "DURATION",
        _ => null,
    };

    private static string Required(string? value, string path, string what) =>
        value ?? throw new ArgumentException("The " + what + " at '" + path + "' is null.", nameof(value));

    // Proto3 JSON leaves out empty strings and empty repeated fields.
    private static void AddString(List<KeyValuePair<byte[], byte[]>> fields, byte[] key, string value)
    {
        if (value.Length > 0)
        {
            fields.Add(Entry(key, ObjectHash.OfString(value)));
        }
    }

    private static List<KeyValuePair<byte[], byte[]>> OptionalList(byte[] key, List<byte[]> elements)
    {
        var fields = new List<KeyValuePair<byte[], byte[]>>(2);
        if (elements.Count > 0)
        {
            fields.Add(Entry(key, ObjectHash.OfList(elements)));
        }

        return fields;
    }

    private static KeyValuePair<byte[], byte[]> Entry(byte[] key, byte[] value) => new(key, value);
}
