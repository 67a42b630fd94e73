// Mirrors flytepropeller pkg/compiler/validators/utils.go (v1.16.8): LiteralTypeForLiteral, literalTypeForScalar,
// literalTypeForPrimitive, literalTypeForLiterals and buildMultipleTypeUnion. Where upstream returns a nil type (a
// blob without metadata, a literal with no value) every later cast fails; here that is a failure with a reason.
// One deliberate difference (docs/typing.md): sibling collections and maps merge their element types (an empty
// one takes its sibling's, unions pool their variants) instead of making a union of containers nothing accepts.
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using FlyteSharp.Core;
using Proto = Flyteidl.Core;

namespace FlyteSharp.Typing;

/// <summary>
/// Infers the Flyte type of a literal the way Flyte does before checking that a cached value fits an interface:
/// primitives by their kind, blobs and datasets by their metadata, unions by the type they carry, offloaded
/// literals by their <c>inferred_type</c>, and collections and maps from their elements (an empty one has element
/// type NONE; distinct element types make a union of them).
/// </summary>
public static class LiteralTypeInference
{
    /// <summary>The <c>Binary.tag</c> of MessagePack-encoded values (dataclasses, dicts), whose type is STRUCT.</summary>
    public const string MessagePackTag = "msgpack";

    // One instance per kind: a list of a million integers infers a million element types.
    private static readonly SimpleType[] Simple = [.. Enum.GetValues<SimpleKind>().Select(kind => new SimpleType(kind))];

    private static readonly SimpleType None = Simple[(int)SimpleKind.None];

    /// <summary>Infers the type of <paramref name="literal"/>.</summary>
    /// <exception cref="ArgumentException">The type cannot be inferred (the message names where and why).</exception>
    public static FlyteType Infer(Proto.Literal literal) =>
        TryInfer(literal, "literal", out var type, out var failure)
            ? type
            : throw new ArgumentException(failure, nameof(literal));

    /// <summary>
    /// Infers the type of <paramref name="literal"/>, or says why it cannot: the failure starts with
    /// <paramref name="path"/> extended to the offending value (<c>[i]</c> for a collection element,
    /// <c>{"key"}</c> for a map value).
    /// </summary>
    public static bool TryInfer(
        Proto.Literal literal,
        string path,
        [NotNullWhen(true)] out FlyteType? type,
        [NotNullWhen(false)] out string? failure)
    {
        ArgumentNullException.ThrowIfNull(literal);
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            // No paths on the way: a cached list of a million values must not build a million strings.
            type = ForLiteral(literal, null);
            failure = null;
            return true;
        }
        catch (InferenceFailure)
        {
            type = null;
        }

        try
        {
            ForLiteral(literal, path);
            failure = path + ": the type of the value cannot be inferred";
        }
        catch (InferenceFailure e)
        {
            failure = e.Message;
        }

        return false;
    }

    // A null path skips building paths; failures are then re-run with one to say where they are.
    private static FlyteType ForLiteral(Proto.Literal literal, string? path) =>
        literal.ValueCase switch
        {
            Proto.Literal.ValueOneofCase.Scalar => ForScalar(literal.Scalar, path),
            Proto.Literal.ValueOneofCase.Collection => new CollectionType(ForLiterals(
                literal.Collection.Literals.Select((element, i) => (element, path is null ? null : path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]")))),
            Proto.Literal.ValueOneofCase.Map => new MapType(ForLiterals(
                literal.Map.Literals.Select(entry => (entry.Value, path is null ? null : path + "{\"" + entry.Key + "\"}")))),
            Proto.Literal.ValueOneofCase.OffloadedMetadata => literal.OffloadedMetadata.InferredType is { } inferred
                ? Convert(inferred, path, "the offloaded literal's inferred_type")
                : throw Fail(path, "the offloaded literal has no inferred_type"),
            _ => throw Fail(path, "the literal has no value"),
        };

    private static FlyteType ForScalar(Proto.Scalar scalar, string? path) =>
        scalar.ValueCase switch
        {
            Proto.Scalar.ValueOneofCase.Primitive => Simple[(int)ForPrimitive(scalar.Primitive)],
            Proto.Scalar.ValueOneofCase.Blob => scalar.Blob.Metadata is null
                ? throw Fail(path, "the blob has no metadata")
                : scalar.Blob.Metadata.Type is null
                    ? throw Fail(path, "the blob metadata has no type")
                    : Convert(new Proto.LiteralType { Blob = scalar.Blob.Metadata.Type }, path, "the blob type"),

            // Tagged binaries are MessagePack-encoded structured values (flyte RFC 5741); others are raw bytes.
            Proto.Scalar.ValueOneofCase.Binary => Simple[(int)(
                string.Equals(scalar.Binary.Tag, MessagePackTag, StringComparison.Ordinal) ? SimpleKind.Struct : SimpleKind.Binary)],
            Proto.Scalar.ValueOneofCase.Schema => scalar.Schema.Type is null
                ? throw Fail(path, "the schema has no type")
                : Convert(new Proto.LiteralType { Schema = scalar.Schema.Type }, path, "the schema type"),
            Proto.Scalar.ValueOneofCase.StructuredDataset => scalar.StructuredDataset.Metadata is null
                ? throw Fail(path, "the structured dataset has no metadata")
                : scalar.StructuredDataset.Metadata.StructuredDatasetType is null
                    ? throw Fail(path, "the structured dataset metadata has no type")
                    : Convert(new Proto.LiteralType { StructuredDatasetType = scalar.StructuredDataset.Metadata.StructuredDatasetType }, path, "the structured dataset type"),
            Proto.Scalar.ValueOneofCase.NoneType => None,
            Proto.Scalar.ValueOneofCase.Error => Simple[(int)SimpleKind.Error],
            Proto.Scalar.ValueOneofCase.Generic => Simple[(int)SimpleKind.Struct],

            // A union value is typed by the variant type it carries, as a single-variant union.
            Proto.Scalar.ValueOneofCase.Union => scalar.Union.Type is null
                ? throw Fail(path, "the union value has no type")
                : new UnionType(EquatableArray.Create(Convert(scalar.Union.Type, path, "the union value's type"))),
            _ => throw Fail(path, "the scalar has no value"),
        };

    // An unset primitive reads as NONE, as upstream.
    private static SimpleKind ForPrimitive(Proto.Primitive primitive) =>
        primitive.ValueCase switch
        {
            Proto.Primitive.ValueOneofCase.Integer => SimpleKind.Integer,
            Proto.Primitive.ValueOneofCase.FloatValue => SimpleKind.Float,
            Proto.Primitive.ValueOneofCase.StringValue => SimpleKind.String,
            Proto.Primitive.ValueOneofCase.Boolean => SimpleKind.Boolean,
            Proto.Primitive.ValueOneofCase.Datetime => SimpleKind.Datetime,
            Proto.Primitive.ValueOneofCase.Duration => SimpleKind.Duration,
            _ => SimpleKind.None,
        };

    // literalTypeForLiterals: one type when the elements agree, NONE when there are none, otherwise a union of the
    // distinct types in a stable order. Empty nested collections only count when nothing else gives a type.
    private static FlyteType ForLiterals(IEnumerable<(Proto.Literal Literal, string? Path)> elements)
    {
        var distinct = new List<FlyteType>();
        FlyteType? emptyCollectionType = null;
        foreach (var (literal, path) in elements)
        {
            var type = ForLiteral(literal, path);
            if (literal.ValueCase == Proto.Literal.ValueOneofCase.Collection && literal.Collection.Literals.Count == 0)
            {
                emptyCollectionType = type;
                continue;
            }

            AddDistinct(distinct, type);
        }

        if (distinct.Count == 0 && emptyCollectionType is not null)
        {
            distinct.Add(emptyCollectionType);
        }

        switch (distinct.Count)
        {
            case 0:
                return None;
            case 1:
                return distinct[0];
            default:
                // Upstream sorts by the protobuf text of each type; SortKey renders the same text shape.
                var ordered = distinct
                    .Select(type => (Type: type, Key: SortKey(type)))
                    .OrderBy(entry => entry.Key, StringComparer.Ordinal)
                    .Select(entry => entry.Type);
                return MultipleTypeUnion(ordered);
        }
    }

    // Upstream keeps every distinct type, and only flattens lists of unions when it builds the union. FlyteSharp
    // first merges sibling containers: [{"a": [1]}, {"a": []}] is list<map<list<INTEGER>>>, and
    // [{"a": <int?>}, {"b": <null>}] is list<map<union[INTEGER,NONE]>>, where upstream makes unions of maps that no
    // map type accepts. Direct elements are not merged: [1, None] stays union[INTEGER,NONE], as upstream.
    private static void AddDistinct(List<FlyteType> distinct, FlyteType type)
    {
        for (var i = 0; i < distinct.Count; i++)
        {
            if (TryMerge(distinct[i], type, out var merged))
            {
                distinct[i] = merged;
                return;
            }
        }

        distinct.Add(type);
    }

    // Equal types, or collections (maps) whose element (value) types merge.
    private static bool TryMerge(FlyteType left, FlyteType right, [NotNullWhen(true)] out FlyteType? merged)
    {
        merged = null;
        if (left.Equals(right))
        {
            merged = left;
        }
        else if (string.Equals(left.StructureTag, right.StructureTag, StringComparison.Ordinal))
        {
            if (left is CollectionType leftList && right is CollectionType rightList
                && TryMergeElements(leftList.ElementType, rightList.ElementType, out var element))
            {
                merged = leftList with { ElementType = element };
            }
            else if (left is MapType leftMap && right is MapType rightMap
                && TryMergeElements(leftMap.ValueType, rightMap.ValueType, out var value))
            {
                merged = leftMap with { ValueType = value };
            }
        }

        return merged is not null;
    }

    // Element types merge when one is NONE (an empty container), when they merge as types, or when both are unions
    // (the variants are pooled, as upstream pools the variants of lists of unions).
    private static bool TryMergeElements(FlyteType left, FlyteType right, [NotNullWhen(true)] out FlyteType? merged)
    {
        if (IsNone(left) || IsNone(right))
        {
            merged = IsNone(left) ? right : left;
            return true;
        }

        if (TryMerge(left, right, out merged))
        {
            return true;
        }

        if (left is UnionType leftUnion && right is UnionType rightUnion
            && string.Equals(left.StructureTag, right.StructureTag, StringComparison.Ordinal))
        {
            var variants = leftUnion.Variants.Concat(rightUnion.Variants).Distinct().OrderBy(SortKey, StringComparer.Ordinal);
            merged = leftUnion with { Variants = variants.ToEquatableArray() };
            return true;
        }

        merged = null;
        return false;
    }

    private static bool IsNone(FlyteType type) => type is SimpleType { Kind: SimpleKind.None };

    // buildMultipleTypeUnion: collections of unions are flattened into one collection of the union of all variants.
    private static FlyteType MultipleTypeUnion(IEnumerable<FlyteType> types)
    {
        var variants = new List<FlyteType>();
        var nested = false;
        foreach (var type in types)
        {
            if (type is CollectionType { ElementType: UnionType union })
            {
                nested = true;
                variants.AddRange(union.Variants);
            }
            else
            {
                variants.Add(type);
            }
        }

        var result = new UnionType(variants.ToEquatableArray());
        return nested ? new CollectionType(result) : result;
    }

    private static FlyteType Convert(Proto.LiteralType literalType, string? path, string what)
    {
        try
        {
            return literalType.ToFlyteType();
        }
        catch (LiteralTypeConversionException e)
        {
            throw Fail(path, what + " is not usable: " + e.Message);
        }
    }

    private static string SortKey(FlyteType type)
    {
        var text = new StringBuilder();
        AppendText(text, type);
        return text.ToString();
    }

    // The shape of Go's prototext rendering of a LiteralType, for ordering only: fields in field-number order,
    // separated by a space, proto3 defaults omitted (a oneof member is always written).
    private static void AppendText(StringBuilder text, FlyteType type)
    {
        switch (type)
        {
            case SimpleType simple:
                text.Append("simple:").Append(simple.Kind.ToString().ToUpperInvariant());
                break;
            case SchemaType schema:
                text.Append("schema:{");
                AppendEach(text, schema.Columns, (builder, column) =>
                {
                    builder.Append("columns:{");
                    var fields = new Fields(builder);
                    fields.String("name", column.Name);
                    if (column.Kind != SchemaColumnKind.Integer)
                    {
                        fields.Next().Append("type:").Append(column.Kind.ToString().ToUpperInvariant());
                    }

                    builder.Append('}');
                });
                text.Append('}');
                break;
            case CollectionType collection:
                text.Append("collection_type:{");
                AppendText(text, collection.ElementType);
                text.Append('}');
                break;
            case MapType map:
                text.Append("map_value_type:{");
                AppendText(text, map.ValueType);
                text.Append('}');
                break;
            case BlobType blob:
                text.Append("blob:{");
                var blobFields = new Fields(text);
                blobFields.String("format", blob.Format);
                if (blob.Dimensionality != BlobDimensionality.Single)
                {
                    blobFields.Next().Append("dimensionality:").Append(blob.Dimensionality.ToString().ToUpperInvariant());
                }

                text.Append('}');
                break;
            case EnumType enumType:
                text.Append("enum_type:{");
                AppendEach(text, enumType.Values, (builder, value) => builder.Append("values:").Append(Quote(value)));
                text.Append('}');
                break;
            case StructuredDatasetType dataset:
                text.Append("structured_dataset_type:{");
                var datasetFields = new Fields(text);
                foreach (var column in dataset.Columns)
                {
                    datasetFields.Next().Append("columns:{");
                    var columnFields = new Fields(text);
                    columnFields.String("name", column.Name);
                    columnFields.Next().Append("literal_type:{");
                    AppendText(text, column.Type);
                    text.Append("}}");
                }

                datasetFields.String("format", dataset.Format);
                datasetFields.String("external_schema_type", dataset.ExternalSchemaType);
                text.Append('}');
                break;
            case UnionType union:
                text.Append("union_type:{");
                AppendEach(text, union.Variants, (builder, variant) =>
                {
                    builder.Append("variants:{");
                    AppendText(builder, variant);
                    builder.Append('}');
                });
                text.Append('}');
                break;
        }

        if (!string.IsNullOrEmpty(type.StructureTag))
        {
            text.Append(" structure:{tag:").Append(Quote(type.StructureTag)).Append('}');
        }
    }

    private static void AppendEach<T>(StringBuilder text, IEnumerable<T> items, Action<StringBuilder, T> append)
    {
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                text.Append(' ');
            }

            append(text, item);
            first = false;
        }
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    // Writes space-separated fields, skipping empty strings as proto3 text does.
    private sealed class Fields(StringBuilder text)
    {
        private bool any;

        public StringBuilder Next()
        {
            if (any)
            {
                text.Append(' ');
            }

            any = true;
            return text;
        }

        public void String(string name, string value)
        {
            if (value.Length != 0)
            {
                Next().Append(name).Append(':').Append(Quote(value));
            }
        }
    }

    private static InferenceFailure Fail(string? path, string why) =>
        new(path + ": the type of the value cannot be inferred: " + why);

    // Unwinds the recursion to TryInfer; never escapes this class.
    private sealed class InferenceFailure : Exception
    {
        public InferenceFailure(string message)
            : base(message)
        {
        }

        public InferenceFailure()
        {
        }

        public InferenceFailure(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
