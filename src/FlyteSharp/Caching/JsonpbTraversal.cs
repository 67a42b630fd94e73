// Mirrors golang/protobuf v1.5.4 jsonpb/encode.go (Marshaler{} with default options: JSON names, enums by name,
// no defaults emitted), which flytestdlib pbhash.ComputeHash (Flyte v1.16.8) renders every message with.
using System.Collections;
using System.Globalization;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace FlyteSharp.Caching;

/// <summary>Receives the JSON value Go's jsonpb would write, as events (no text is built unless the sink builds it).</summary>
internal interface IJsonpbSink
{
    void BeginObject();

    void Key(string name);

    void EndObject();

    void BeginArray();

    void EndArray();

    void Null();

    void Boolean(bool value);

    void String(string value);

    /// <summary>A finite JSON number; <paramref name="isFloat32"/> when Go formats it at 32-bit width.</summary>
    void Number(double value, bool isFloat32);
}

/// <summary>
/// Walks any protobuf message by its descriptor and reports the JSON value Go's <c>jsonpb.Marshaler{}</c> writes
/// for it: lowerCamelCase JSON names; a field is written when populated (non-zero scalar, non-empty string, bytes,
/// list or map, set sub-message even if empty, the set member of a oneof even if zero); enums by name (unknown
/// numbers as numbers, NullValue as null); 64-bit integers as decimal strings; NaN and infinities as strings;
/// bytes as padded standard base64; Timestamp, Duration, Struct, Value, ListValue, wrappers and Any in their
/// special forms. Unrenderable values throw <see cref="CacheKeyException"/> naming the field path.
/// </summary>
internal sealed class JsonpbTraversal
{
    private readonly TypeRegistry typeRegistry;
    private readonly List<PathSegment> path = [];

    public JsonpbTraversal(TypeRegistry typeRegistry) => this.typeRegistry = typeRegistry;

    public void Write(IMessage message, IJsonpbSink sink)
    {
        ArgumentNullException.ThrowIfNull(message);
        path.Clear();
        try
        {
            WriteMessage(message, sink, typeUrl: null);
        }
        catch (CacheKeyException exception)
        {
            throw new CacheKeyException("Cannot render " + message.Descriptor.FullName + PathText() + ": " + exception.Message, exception);
        }
        catch (InsufficientExecutionStackException exception)
        {
            throw new CacheKeyException("Cannot render " + message.Descriptor.FullName + ": it is nested too deeply.", exception);
        }
    }

    private void WriteMessage(IMessage message, IJsonpbSink sink, string? typeUrl)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        var descriptor = message.Descriptor;
        switch (WellKnownName(descriptor))
        {
            case "Any":
                WriteAny((Any)message, sink);
                return;
            case "BoolValue" or "BytesValue" or "StringValue" or "Int32Value" or "UInt32Value" or "FloatValue"
                or "Int64Value" or "UInt64Value" or "DoubleValue":
                var wrapped = descriptor.FindFieldByNumber(1);
                WriteSingular(wrapped, wrapped.Accessor.GetValue(message), sink);
                return;
            case "Duration":
                var duration = (Duration)message;
                sink.String(JsonpbText.Duration(duration.Seconds, duration.Nanos));
                return;
            case "Timestamp":
                var timestamp = (Timestamp)message;
                sink.String(JsonpbText.Timestamp(timestamp.Seconds, timestamp.Nanos));
                return;
            case "Value":
                var value = (Value)message;
                if (value.KindCase == Value.KindOneofCase.None)
                {
                    throw new CacheKeyException("a google.protobuf.Value has no kind set (jsonpb: \"nil Value\")");
                }

                var kind = descriptor.Oneofs[0].Accessor.GetCaseFieldDescriptor(message);
                WriteSingular(kind, kind.Accessor.GetValue(message), sink);
                return;
            case "Struct" or "ListValue":
                var content = descriptor.FindFieldByNumber(1);
                WriteFieldValue(content, content.Accessor.GetValue(message), sink);
                return;
        }

        sink.BeginObject();
        if (typeUrl is not null)
        {
            sink.Key("@type");
            sink.String(typeUrl);
        }

        foreach (var field in descriptor.Fields.InDeclarationOrder())
        {
            if (!IsPopulated(field, message))
            {
                continue;
            }

            sink.Key(field.JsonName);
            path.Add(new PathSegment(field.JsonName));
            WriteFieldValue(field, field.Accessor.GetValue(message), sink);
            path.RemoveAt(path.Count - 1);
        }

        sink.EndObject();
    }

    private void WriteAny(Any any, IJsonpbSink sink)
    {
        var typeName = Any.GetTypeName(any.TypeUrl);
        var descriptor = typeRegistry.Find(typeName)
            ?? throw new CacheKeyException("google.protobuf.Any holds " + any.TypeUrl + ", a type this hasher's TypeRegistry does not know");
        IMessage inner;
        try
        {
            inner = descriptor.Parser.ParseFrom(any.Value);
        }
        catch (InvalidProtocolBufferException exception)
        {
            throw new CacheKeyException("google.protobuf.Any holds bytes that are not a valid " + typeName + ": " + exception.Message, exception);
        }

        if (WellKnownName(descriptor) is null)
        {
            WriteMessage(inner, sink, any.TypeUrl);
            return;
        }

        sink.BeginObject();
        sink.Key("@type");
        sink.String(any.TypeUrl);
        sink.Key("value");
        WriteMessage(inner, sink, typeUrl: null);
        sink.EndObject();
    }

    private void WriteFieldValue(FieldDescriptor field, object? value, IJsonpbSink sink)
    {
        if (field.IsMap)
        {
            var valueField = field.MessageType.FindFieldByNumber(2);
            var entries = new List<(string Key, object? Value)>();
            foreach (DictionaryEntry entry in (IDictionary)value!)
            {
                entries.Add((MapKeyText(entry.Key), entry.Value));
            }

            // jsonpb sorts keys (by value for numbers, by UTF-8 bytes for strings); only the text depends on it.
            var keyField = field.MessageType.FindFieldByNumber(1);
            entries.Sort((a, b) => CompareMapKeys(keyField, a.Key, b.Key));
            sink.BeginObject();
            foreach (var (key, entryValue) in entries)
            {
                sink.Key(key);
                path.Add(new PathSegment(key, isMapKey: true));
                WriteSingular(valueField, entryValue, sink);
                path.RemoveAt(path.Count - 1);
            }

            sink.EndObject();
            return;
        }

        if (field.IsRepeated)
        {
            var list = (IList)value!;
            sink.BeginArray();
            for (var i = 0; i < list.Count; i++)
            {
                path.Add(new PathSegment(i));
                WriteSingular(field, list[i], sink);
                path.RemoveAt(path.Count - 1);
            }

            sink.EndArray();
            return;
        }

        WriteSingular(field, value, sink);
    }

    private void WriteSingular(FieldDescriptor field, object? value, IJsonpbSink sink)
    {
        switch (field.FieldType)
        {
            case FieldType.Message or FieldType.Group:
                switch (value)
                {
                    case null:
                        sink.Null();
                        return;
                    case IMessage message:
                        WriteMessage(message, sink, typeUrl: null);
                        return;
                    default:
                        // C# exposes wrapper-typed fields as the wrapped value (long?, string, ...), not as messages.
                        WriteSingular(field.MessageType.FindFieldByNumber(1), value, sink);
                        return;
                }
            case FieldType.Enum:
                if (field.EnumType.FullName == "google.protobuf.NullValue")
                {
                    sink.Null();
                    return;
                }

                var number = Convert.ToInt32(value, CultureInfo.InvariantCulture);
                var name = field.EnumType.FindValueByNumber(number)?.Name;
                if (name is null)
                {
                    sink.Number(number, isFloat32: false);
                }
                else
                {
                    sink.String(name);
                }

                return;
            case FieldType.Double:
                WriteFloatingPoint((double)value!, isFloat32: false, sink);
                return;
            case FieldType.Float:
                WriteFloatingPoint((float)value!, isFloat32: true, sink);
                return;
            case FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64:
                sink.String(((long)value!).ToString(CultureInfo.InvariantCulture));
                return;
            case FieldType.UInt64 or FieldType.Fixed64:
                sink.String(((ulong)value!).ToString(CultureInfo.InvariantCulture));
                return;
            case FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32:
                sink.Number((int)value!, isFloat32: false);
                return;
            case FieldType.UInt32 or FieldType.Fixed32:
                sink.Number((uint)value!, isFloat32: false);
                return;
            case FieldType.Bool:
                sink.Boolean((bool)value!);
                return;
            case FieldType.String:
                sink.String((string)value!);
                return;
            case FieldType.Bytes:
                sink.String(((ByteString)value!).ToBase64());
                return;
            default:
                throw new CacheKeyException("field " + field.FullName + " has type " + field.FieldType + ", which jsonpb cannot render");
        }
    }

    private static void WriteFloatingPoint(double value, bool isFloat32, IJsonpbSink sink)
    {
        if (double.IsNaN(value))
        {
            sink.String("NaN");
        }
        else if (double.IsPositiveInfinity(value))
        {
            sink.String("Infinity");
        }
        else if (double.IsNegativeInfinity(value))
        {
            sink.String("-Infinity");
        }
        else
        {
            sink.Number(value, isFloat32);
        }
    }

    // protoreflect's Has: set member of a oneof (synthetic ones too), set message or explicit-presence field,
    // non-empty list/map, or a non-zero implicit-presence scalar (-0.0 counts as set: its sign bit is stored).
    private static bool IsPopulated(FieldDescriptor field, IMessage message)
    {
        if (field.IsMap)
        {
            return ((IDictionary)field.Accessor.GetValue(message)).Count > 0;
        }

        if (field.IsRepeated)
        {
            return ((IList)field.Accessor.GetValue(message)).Count > 0;
        }

        if (field.ContainingOneof is { IsSynthetic: false } oneof)
        {
            return oneof.Accessor.GetCaseFieldDescriptor(message) == field;
        }

        if (field.HasPresence)
        {
            return field.Accessor.HasValue(message);
        }

        var value = field.Accessor.GetValue(message);
        return value switch
        {
            string text => text.Length > 0,
            ByteString bytes => !bytes.IsEmpty,
            bool flag => flag,
            double number => number != 0 || double.IsNegative(number),
            float number => number != 0 || float.IsNegative(number),
            int number => number != 0,
            uint number => number != 0,
            long number => number != 0,
            ulong number => number != 0,
            System.Enum enumValue => Convert.ToInt32(enumValue, CultureInfo.InvariantCulture) != 0,
            _ => value is not null,
        };
    }

    private static string MapKeyText(object key) => key switch
    {
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => key.ToString() ?? string.Empty,
    };

    private static int CompareMapKeys(FieldDescriptor keyField, string left, string right)
    {
        switch (keyField.FieldType)
        {
            case FieldType.Bool:
                return string.CompareOrdinal(left, right); // "false" < "true", as Go orders false first
            case FieldType.UInt32 or FieldType.Fixed32 or FieldType.UInt64 or FieldType.Fixed64:
                return ulong.Parse(left, CultureInfo.InvariantCulture).CompareTo(ulong.Parse(right, CultureInfo.InvariantCulture));
            case FieldType.String:
                return CompareUtf8(left, right);
            default:
                return long.Parse(left, CultureInfo.InvariantCulture).CompareTo(long.Parse(right, CultureInfo.InvariantCulture));
        }
    }

    // Go compares strings by UTF-8 bytes, which is code point order; UTF-16 ordinal order differs for surrogates.
    private static int CompareUtf8(string left, string right)
    {
        var leftRunes = left.EnumerateRunes();
        var rightRunes = right.EnumerateRunes();
        while (true)
        {
            var hasLeft = leftRunes.MoveNext();
            var hasRight = rightRunes.MoveNext();
            if (!hasLeft || !hasRight)
            {
                return hasLeft.CompareTo(hasRight);
            }

            var order = leftRunes.Current.Value.CompareTo(rightRunes.Current.Value);
            if (order != 0)
            {
                return order;
            }
        }
    }

    private static string? WellKnownName(MessageDescriptor descriptor)
    {
        if (descriptor.File.Package != "google.protobuf" || descriptor.ContainingType is not null)
        {
            return null;
        }

        return descriptor.Name switch
        {
            "Any" or "BoolValue" or "BytesValue" or "StringValue" or "Int32Value" or "UInt32Value" or "FloatValue"
                or "Int64Value" or "UInt64Value" or "DoubleValue" or "Duration" or "Timestamp" or "Struct"
                or "Value" or "ListValue" => descriptor.Name,

            // jsonpb names Empty as well-known, but writes it like any message: {}.
            _ => null,
        };
    }

    private string PathText()
    {
        if (path.Count == 0)
        {
            return string.Empty;
        }

        var text = new StringBuilder(" at ");
        var start = text.Length;
        foreach (var segment in path)
        {
            segment.AppendTo(text, first: text.Length == start);
        }

        return text.ToString();
    }

    private readonly struct PathSegment
    {
        private readonly string? name;
        private readonly int index;
        private readonly bool isMapKey;

        public PathSegment(string name, bool isMapKey = false)
        {
            this.name = name;
            index = -1;
            this.isMapKey = isMapKey;
        }

        public PathSegment(int index)
        {
            name = null;
            this.index = index;
            isMapKey = false;
        }

        public void AppendTo(StringBuilder text, bool first)
        {
            if (name is null)
            {
                text.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else if (isMapKey)
            {
                text.Append("[\"").Append(name).Append("\"]");
            }
            else
            {
                text.Append(first ? string.Empty : ".").Append(name);
            }
        }
    }
}
