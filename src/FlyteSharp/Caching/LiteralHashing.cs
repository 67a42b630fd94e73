// Mirrors flyteplugins go/tasks/pluginmachinery/catalog/hashing.go (HashLiteralMap, hashify) of Flyte v1.16.8,
// hashing the hashified map as flytestdlib pbhash does (objecthash of golang/protobuf jsonpb's rendering).
using System.Buffers;
using System.Buffers.Text;
using Flyteidl.Core;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
using FlyteSharp.Hashing;

namespace FlyteSharp.Caching;

/// <summary>
/// The fast path of <see cref="CacheTag"/>: hashes a <c>LiteralMap</c> straight from the protobuf objects into
/// SHA-256, applying hashify on the way instead of building the hashified copy, its JSON text, or a value tree.
/// Every node's hash goes into a stack slot of its parent; only lists and objects larger than a few entries take a
/// pooled buffer. It must agree with <see cref="ProtoObjectHash"/> on <see cref="CacheTag.Hashify"/>'s output
/// (a property test checks it); the rare sub-messages it does not special-case (a union's <c>LiteralType</c>,
/// structured dataset types, legacy schemas, offloaded metadata) go through <see cref="ProtoObjectHash"/>.
/// </summary>
internal static class LiteralHashing
{
    /// <summary>Hashes <c>{"literals": {name: hashify(literal)}}</c> over the inputs not ignored (exact names).</summary>
    public static void HashInputs(LiteralMap? inputs, IReadOnlyCollection<string> ignoredInputs, Span<byte> destination)
    {
        var ignored = new IgnoredNames(ignoredInputs);
        Span<HashPair> outerEntries = stackalloc HashPair[1];
        Span<HashPair> inputEntries = stackalloc HashPair[8];
        var outer = new DictionaryHash(outerEntries);
        if (inputs is not null && inputs.Literals.Count > 0)
        {
            var byName = new DictionaryHash(inputEntries);
            var kept = 0;
            foreach (var (name, literal) in inputs.Literals)
            {
                if (ignored.Contains(name))
                {
                    continue;
                }

                HashHashified(literal, byName.Add(name));
                kept++;
            }

            // jsonpb leaves an empty map out, so a map whose inputs are all ignored hashes like no inputs.
            if (kept > 0)
            {
                byName.Complete(outer.Add(Keys.Literals));
            }
        }

        outer.Complete(destination);
    }

    /// <summary>hashify: a literal with a hash becomes <c>{hash}</c>; collections and maps are rebuilt from hashified children without their own metadata.</summary>
    public static void HashHashified(Literal literal, Span<byte> destination)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        if (literal.Hash.Length > 0)
        {
            Span<HashPair> entries = stackalloc HashPair[1];
            var onlyHash = new DictionaryHash(entries);
            LeafHash.OfString(literal.Hash, onlyHash.Add(Keys.Hash));
            onlyHash.Complete(destination);
            return;
        }

        switch (literal.ValueCase)
        {
            case Literal.ValueOneofCase.Collection:
            {
                Span<HashPair> entries = stackalloc HashPair[1];
                var rebuilt = new DictionaryHash(entries);
                HashCollection(literal.Collection, hashify: true, rebuilt.Add(Keys.Collection));
                rebuilt.Complete(destination);
                return;
            }

            case Literal.ValueOneofCase.Map:
            {
                Span<HashPair> entries = stackalloc HashPair[1];
                var rebuilt = new DictionaryHash(entries);
                HashLiteralMap(literal.Map, hashify: true, rebuilt.Add(Keys.Map));
                rebuilt.Complete(destination);
                return;
            }

            default:
                HashLiteral(literal, destination);
                return;
        }
    }

    /// <summary>A literal exactly as it is: value, hash and metadata.</summary>
    public static void HashLiteral(Literal literal, Span<byte> destination)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        Span<HashPair> entries = stackalloc HashPair[3];
        var fields = new DictionaryHash(entries);
        switch (literal.ValueCase)
        {
            case Literal.ValueOneofCase.Scalar:
                HashScalar(literal.Scalar, fields.Add(Keys.Scalar));
                break;
            case Literal.ValueOneofCase.Collection:
                HashCollection(literal.Collection, hashify: false, fields.Add(Keys.Collection));
                break;
            case Literal.ValueOneofCase.Map:
                HashLiteralMap(literal.Map, hashify: false, fields.Add(Keys.Map));
                break;
            case Literal.ValueOneofCase.OffloadedMetadata:
                ProtoObjectHash.Default.Compute(literal.OffloadedMetadata, fields.Add(Keys.OffloadedMetadata));
                break;
        }

        if (literal.Hash.Length > 0)
        {
            LeafHash.OfString(literal.Hash, fields.Add(Keys.Hash));
        }

        if (literal.Metadata.Count > 0)
        {
            HashStringMap(literal.Metadata, fields.Add(Keys.Metadata));
        }

        fields.Complete(destination);
    }

    private static void HashCollection(LiteralCollection collection, bool hashify, Span<byte> destination)
    {
        Span<HashPair> entries = stackalloc HashPair[1];
        var fields = new DictionaryHash(entries);
        var literals = collection.Literals;
        if (literals.Count > 0)
        {
            Span<Hash32> initial = stackalloc Hash32[8];
            var list = new ListHash(literals.Count, initial);
            for (var i = 0; i < literals.Count; i++)
            {
                if (hashify)
                {
                    HashHashified(literals[i], list.Next());
                }
                else
                {
                    HashLiteral(literals[i], list.Next());
                }
            }

            list.Complete(fields.Add(Keys.Literals));
        }

        fields.Complete(destination);
    }

    private static void HashLiteralMap(LiteralMap map, bool hashify, Span<byte> destination)
    {
        Span<HashPair> entries = stackalloc HashPair[1];
        Span<HashPair> initial = stackalloc HashPair[8];
        var fields = new DictionaryHash(entries);
        if (map.Literals.Count > 0)
        {
            var byKey = new DictionaryHash(initial);
            foreach (var (key, literal) in map.Literals)
            {
                if (hashify)
                {
                    HashHashified(literal, byKey.Add(key));
                }
                else
                {
                    HashLiteral(literal, byKey.Add(key));
                }
            }

            byKey.Complete(fields.Add(Keys.Literals));
        }

        fields.Complete(destination);
    }

    private static void HashScalar(Scalar scalar, Span<byte> destination)
    {
        Span<HashPair> entries = stackalloc HashPair[1];
        var fields = new DictionaryHash(entries);
        switch (scalar.ValueCase)
        {
            case Scalar.ValueOneofCase.Primitive:
                HashPrimitive(scalar.Primitive, fields.Add(Keys.Primitive));
                break;
            case Scalar.ValueOneofCase.Blob:
                HashBlob(scalar.Blob, fields.Add(Keys.Blob));
                break;
            case Scalar.ValueOneofCase.Binary:
                HashBinary(scalar.Binary, fields.Add(Keys.Binary));
                break;
            case Scalar.ValueOneofCase.Schema:
                ProtoObjectHash.Default.Compute(scalar.Schema, fields.Add(Keys.Schema));
                break;
            case Scalar.ValueOneofCase.NoneType:
                new DictionaryHash(Span<HashPair>.Empty).Complete(fields.Add(Keys.NoneType));
                break;
            case Scalar.ValueOneofCase.Error:
                HashError(scalar.Error, fields.Add(Keys.Error));
                break;
            case Scalar.ValueOneofCase.Generic:
                HashStruct(scalar.Generic, fields.Add(Keys.Generic));
                break;
            case Scalar.ValueOneofCase.StructuredDataset:
                HashStructuredDataset(scalar.StructuredDataset, fields.Add(Keys.StructuredDataset));
                break;
            case Scalar.ValueOneofCase.Union:
                HashUnion(scalar.Union, fields.Add(Keys.Union));
                break;
        }

        fields.Complete(destination);
    }

    private static void HashPrimitive(Primitive primitive, Span<byte> destination)
    {
        Span<HashPair> entries = stackalloc HashPair[1];
        Span<byte> text = stackalloc byte[JsonpbText.MaxTimestampLength];
        var fields = new DictionaryHash(entries);
        switch (primitive.ValueCase)
        {
            case Primitive.ValueOneofCase.Integer:
                // jsonpb writes int64 as a decimal string.
                primitive.Integer.TryFormat(text, out var digits, default, System.Globalization.CultureInfo.InvariantCulture);
                LeafHash.OfUtf8(text[..digits], fields.Add(Keys.Integer));
                break;
            case Primitive.ValueOneofCase.FloatValue:
                HashDouble(primitive.FloatValue, fields.Add(Keys.FloatValue));
                break;
            case Primitive.ValueOneofCase.StringValue:
                LeafHash.OfString(primitive.StringValue, fields.Add(Keys.StringValue));
                break;
            case Primitive.ValueOneofCase.Boolean:
                LeafHash.OfBoolean(primitive.Boolean, fields.Add(Keys.Boolean));
                break;
            case Primitive.ValueOneofCase.Datetime:
                var timestamp = primitive.Datetime;
                var timestampLength = JsonpbText.WriteTimestamp(timestamp.Seconds, timestamp.Nanos, text);
                LeafHash.OfUtf8(text[..timestampLength], fields.Add(Keys.Datetime));
                break;
            case Primitive.ValueOneofCase.Duration:
                var duration = primitive.Duration;
                var durationLength = JsonpbText.WriteDuration(duration.Seconds, duration.Nanos, text);
                LeafHash.OfUtf8(text[..durationLength], fields.Add(Keys.Duration));
                break;
        }

        fields.Complete(destination);
    }

    private static void HashBlob(Blob blob, Span<byte> destination)
    {
        Span<HashPair> blobEntries = stackalloc HashPair[2];
        var fields = new DictionaryHash(blobEntries);
        if (blob.Metadata is { } metadata)
        {
            Span<HashPair> metadataEntries = stackalloc HashPair[1];
            var metadataFields = new DictionaryHash(metadataEntries);
            if (metadata.Type is { } type)
            {
                HashBlobType(type, metadataFields.Add(Keys.Type));
            }

            metadataFields.Complete(fields.Add(Keys.Metadata));
        }

        if (blob.Uri.Length > 0)
        {
            LeafHash.OfString(blob.Uri, fields.Add(Keys.Uri));
        }

        fields.Complete(destination);
    }

    private static void HashBlobType(BlobType type, Span<byte> destination)
    {
        Span<HashPair> typeEntries = stackalloc HashPair[2];
        var typeFields = new DictionaryHash(typeEntries);
        if (type.Format.Length > 0)
        {
            LeafHash.OfString(type.Format, typeFields.Add(Keys.Format));
        }

        var dimensionality = (int)type.Dimensionality;
        if (dimensionality != 0)
        {
            var slot = typeFields.Add(Keys.Dimensionality);
            if (dimensionality == (int)BlobType.Types.BlobDimensionality.Multipart)
            {
                Keys.MultipartName.CopyTo(slot);
            }
            else
            {
                // An enum number without a name is written as a JSON number.
                LeafHash.OfFloat(dimensionality, slot);
            }
        }

        typeFields.Complete(destination);
    }

    private static void HashBinary(Binary binary, Span<byte> destination)
    {
        Span<HashPair> entries = stackalloc HashPair[2];
        var fields = new DictionaryHash(entries);
        if (!binary.Value.IsEmpty)
        {
            HashBase64(binary.Value.Span, fields.Add(Keys.Value));
        }

        if (binary.Tag.Length > 0)
        {
            LeafHash.OfString(binary.Tag, fields.Add(Keys.Tag));
        }

        fields.Complete(destination);
    }

    private static void HashError(Error error, Span<byte> destination)
    {
        Span<HashPair> entries = stackalloc HashPair[2];
        var fields = new DictionaryHash(entries);
        if (error.FailedNodeId.Length > 0)
        {
            LeafHash.OfString(error.FailedNodeId, fields.Add(Keys.FailedNodeId));
        }

        if (error.Message.Length > 0)
        {
            LeafHash.OfString(error.Message, fields.Add(Keys.Message));
        }

        fields.Complete(destination);
    }

    private static void HashStructuredDataset(StructuredDataset dataset, Span<byte> destination)
    {
        Span<HashPair> entries = stackalloc HashPair[2];
        var fields = new DictionaryHash(entries);
        if (dataset.Uri.Length > 0)
        {
            LeafHash.OfString(dataset.Uri, fields.Add(Keys.Uri));
        }

        if (dataset.Metadata is { } metadata)
        {
            Span<HashPair> metadataEntries = stackalloc HashPair[1];
            var metadataFields = new DictionaryHash(metadataEntries);
            if (metadata.StructuredDatasetType is { } type)
            {
                ProtoObjectHash.Default.Compute(type, metadataFields.Add(Keys.StructuredDatasetType));
            }

            metadataFields.Complete(fields.Add(Keys.Metadata));
        }

        fields.Complete(destination);
    }

    private static void HashUnion(Union union, Span<byte> destination)
    {
        Span<HashPair> entries = stackalloc HashPair[2];
        var fields = new DictionaryHash(entries);
        if (union.Value is { } value)
        {
            HashLiteral(value, fields.Add(Keys.Value));
        }

        if (union.Type is { } type)
        {
            HashLiteralType(type, fields.Add(Keys.Type));
        }

        fields.Complete(destination);
    }

    // The stored type of a union literal: every C# T? input carries one, so the shapes FlyteSharp and flytekit write
    // (simple, blob, collection, map, enum and union types with a structure tag) are hashed here; anything else
    // (metadata, annotations, dataclass types, schemas, datasets, unnamed enum numbers) takes the descriptor path.
    private static void HashLiteralType(LiteralType type, Span<byte> destination)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        if (type.Metadata is not null || type.Annotation is not null || type.Structure is { DataclassType.Count: > 0 })
        {
            ProtoObjectHash.Default.Compute(type, destination);
            return;
        }

        Span<HashPair> entries = stackalloc HashPair[2];
        var fields = new DictionaryHash(entries);
        switch (type.TypeCase)
        {
            case LiteralType.TypeOneofCase.Simple when Keys.SimpleNames.TryGetValue((int)type.Simple, out var name):
                name.CopyTo(fields.Add(Keys.Simple));
                break;
            case LiteralType.TypeOneofCase.Blob:
                HashBlobType(type.Blob, fields.Add(Keys.Blob));
                break;
            case LiteralType.TypeOneofCase.CollectionType:
                HashLiteralType(type.CollectionType, fields.Add(Keys.CollectionType));
                break;
            case LiteralType.TypeOneofCase.MapValueType:
                HashLiteralType(type.MapValueType, fields.Add(Keys.MapValueType));
                break;
            case LiteralType.TypeOneofCase.EnumType:
                Span<HashPair> enumEntries = stackalloc HashPair[1];
                var enumFields = new DictionaryHash(enumEntries);
                if (type.EnumType.Values.Count > 0)
                {
                    Span<Hash32> valueHashes = stackalloc Hash32[16];
                    var values = new ListHash(type.EnumType.Values.Count, valueHashes);
                    foreach (var value in type.EnumType.Values)
                    {
                        LeafHash.OfString(value, values.Next());
                    }

                    values.Complete(enumFields.Add(Keys.Values));
                }

                enumFields.Complete(fields.Add(Keys.EnumType));
                break;
            case LiteralType.TypeOneofCase.UnionType:
                Span<HashPair> unionEntries = stackalloc HashPair[1];
                var unionFields = new DictionaryHash(unionEntries);
                if (type.UnionType.Variants.Count > 0)
                {
                    Span<Hash32> variantHashes = stackalloc Hash32[8];
                    var variants = new ListHash(type.UnionType.Variants.Count, variantHashes);
                    foreach (var variant in type.UnionType.Variants)
                    {
                        HashLiteralType(variant, variants.Next());
                    }

                    variants.Complete(unionFields.Add(Keys.Variants));
                }

                unionFields.Complete(fields.Add(Keys.UnionType));
                break;
            case LiteralType.TypeOneofCase.None:
                break;
            default:
                ProtoObjectHash.Default.Compute(type, destination);
                return;
        }

        if (type.Structure is { } structure)
        {
            Span<HashPair> structureEntries = stackalloc HashPair[1];
            var structureFields = new DictionaryHash(structureEntries);
            if (structure.Tag.Length > 0)
            {
                LeafHash.OfString(structure.Tag, structureFields.Add(Keys.Tag));
            }

            structureFields.Complete(fields.Add(Keys.Structure));
        }

        fields.Complete(destination);
    }

    // Struct, Value and ListValue are written as the natural JSON they stand for.
    private static void HashStruct(Struct structure, Span<byte> destination)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        Span<HashPair> initial = stackalloc HashPair[8];
        var fields = new DictionaryHash(initial);
        foreach (var (key, value) in structure.Fields)
        {
            HashValue(value, fields.Add(key));
        }

        fields.Complete(destination);
    }

    private static void HashValue(Value value, Span<byte> destination)
    {
        switch (value.KindCase)
        {
            case Value.KindOneofCase.NullValue:
                LeafHash.OfNull(destination);
                return;
            case Value.KindOneofCase.NumberValue:
                HashDouble(value.NumberValue, destination);
                return;
            case Value.KindOneofCase.StringValue:
                LeafHash.OfString(value.StringValue, destination);
                return;
            case Value.KindOneofCase.BoolValue:
                LeafHash.OfBoolean(value.BoolValue, destination);
                return;
            case Value.KindOneofCase.StructValue:
                HashStruct(value.StructValue, destination);
                return;
            case Value.KindOneofCase.ListValue:
                var values = value.ListValue.Values;
                Span<Hash32> initial = stackalloc Hash32[8];
                var list = new ListHash(values.Count, initial);
                for (var i = 0; i < values.Count; i++)
                {
                    HashValue(values[i], list.Next());
                }

                list.Complete(destination);
                return;
            default:
                throw new CacheKeyException("a google.protobuf.Value has no kind set (jsonpb: \"nil Value\")");
        }
    }

    private static void HashDouble(double value, Span<byte> destination)
    {
        // jsonpb writes the non-finite values as strings; anything else is a JSON number.
        if (double.IsNaN(value))
        {
            Keys.NaNName.CopyTo(destination);
        }
        else if (double.IsPositiveInfinity(value))
        {
            Keys.InfinityName.CopyTo(destination);
        }
        else if (double.IsNegativeInfinity(value))
        {
            Keys.NegativeInfinityName.CopyTo(destination);
        }
        else
        {
            LeafHash.OfFloat(value, destination);
        }
    }

    private static void HashStringMap(MapField<string, string> map, Span<byte> destination)
    {
        Span<HashPair> initial = stackalloc HashPair[8];
        var entries = new DictionaryHash(initial);
        foreach (var (key, value) in map)
        {
            LeafHash.OfString(value, entries.Add(key));
        }

        entries.Complete(destination);
    }

    private static void HashBase64(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        var length = Base64.GetMaxEncodedToUtf8Length(bytes.Length);
        byte[]? pooled = null;
        var text = length <= 384 ? stackalloc byte[384] : (pooled = ArrayPool<byte>.Shared.Rent(length));
        Base64.EncodeToUtf8(bytes, text, out _, out var written);
        LeafHash.OfUtf8(text[..written], destination);
        if (pooled is not null)
        {
            ArrayPool<byte>.Shared.Return(pooled);
        }
    }

    /// <summary>Exact-name lookup of ignored inputs (Go's <c>slices.Contains</c>), whatever comparer the caller's collection has.</summary>
    private readonly struct IgnoredNames
    {
        private readonly IReadOnlyCollection<string> names;
        private readonly HashSet<string>? set;

        public IgnoredNames(IReadOnlyCollection<string> names)
        {
            this.names = names;
            set = names.Count > 8 ? new HashSet<string>(names, StringComparer.Ordinal) : null;
        }

        public bool Contains(string name)
        {
            if (set is not null)
            {
                return set.Contains(name);
            }

            foreach (var ignored in names)
            {
                if (string.Equals(ignored, name, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Hashes of the JSON names and enum names the fast path writes, computed once.</summary>
    private static class Keys
    {
        public static readonly byte[] Literals = Of("literals");
        public static readonly byte[] Scalar = Of("scalar");
        public static readonly byte[] Collection = Of("collection");
        public static readonly byte[] Map = Of("map");
        public static readonly byte[] OffloadedMetadata = Of("offloadedMetadata");
        public static readonly byte[] Hash = Of("hash");
        public static readonly byte[] Metadata = Of("metadata");
        public static readonly byte[] Primitive = Of("primitive");
        public static readonly byte[] Blob = Of("blob");
        public static readonly byte[] Binary = Of("binary");
        public static readonly byte[] Schema = Of("schema");
        public static readonly byte[] NoneType = Of("noneType");
        public static readonly byte[] Error = Of("error");
        public static readonly byte[] Generic = Of("generic");
        public static readonly byte[] StructuredDataset = Of("structuredDataset");
        public static readonly byte[] Union = Of("union");
        public static readonly byte[] Integer = Of("integer");
        public static readonly byte[] FloatValue = Of("floatValue");
        public static readonly byte[] StringValue = Of("stringValue");
        public static readonly byte[] Boolean = Of("boolean");
        public static readonly byte[] Datetime = Of("datetime");
        public static readonly byte[] Duration = Of("duration");
        public static readonly byte[] Type = Of("type");
        public static readonly byte[] Format = Of("format");
        public static readonly byte[] Dimensionality = Of("dimensionality");
        public static readonly byte[] Uri = Of("uri");
        public static readonly byte[] Value = Of("value");
        public static readonly byte[] Tag = Of("tag");
        public static readonly byte[] FailedNodeId = Of("failedNodeId");
        public static readonly byte[] Message = Of("message");
        public static readonly byte[] StructuredDatasetType = Of("structuredDatasetType");
        public static readonly byte[] MultipartName = Of("MULTIPART");
        public static readonly byte[] Simple = Of("simple");
        public static readonly byte[] CollectionType = Of("collectionType");
        public static readonly byte[] MapValueType = Of("mapValueType");
        public static readonly byte[] EnumType = Of("enumType");
        public static readonly byte[] Values = Of("values");
        public static readonly byte[] UnionType = Of("unionType");
        public static readonly byte[] Variants = Of("variants");
        public static readonly byte[] Structure = Of("structure");

        // SimpleType values by number, hashed as jsonpb writes them: by their .proto names (NONE, INTEGER, ...).
        public static readonly Dictionary<int, byte[]> SimpleNames =
            LiteralType.Descriptor.FindFieldByName("simple").EnumType.Values
                .ToDictionary(value => value.Number, value => Of(value.Name));
        public static readonly byte[] NaNName = Of("NaN");
        public static readonly byte[] InfinityName = Of("Infinity");
        public static readonly byte[] NegativeInfinityName = Of("-Infinity");

        private static byte[] Of(string name)
        {
            var hash = new byte[ObjectHash.Size];
            LeafHash.OfString(name, hash);
            return hash;
        }
    }
}
