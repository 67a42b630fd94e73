// Reads the proto3 JSON form of flyteidl core/interface.proto and core/types.proto (TypedInterface, VariableMap,
// LiteralType), as Flyte's tools print it (lowerCamelCase names; the original snake_case names are accepted too, as
// every proto3 JSON parser must).
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FlyteSharp.Core;
using FlyteSharp.Hashing;
using FlyteSharp.Typing;

namespace FlyteSharp.Generator.ReferenceTasks
{
    /// <summary>
    /// Turns a pinned interface file into the <see cref="FlyteInterface"/> model: a bare <c>TypedInterface</c>, a
    /// <c>TaskTemplate</c> (its <c>interface</c>), or an admin <c>Task</c> (<c>closure.compiledTask.template.interface</c>).
    /// </summary>
    internal static class PinnedInterfaceJson
    {
        /// <summary>Parses <paramref name="json"/>.</summary>
        /// <exception cref="FormatException">Not JSON, or not one of the accepted messages; the message says where.</exception>
        public static FlyteInterface Parse(string json)
        {
            var root = CommonJson.Parse(json) as Dictionary<string, object?>
                ?? throw new FormatException("the file does not hold a JSON object");
            var typedInterface = FindInterface(root)
                ?? throw new FormatException("it is neither a TypedInterface (with 'inputs' or 'outputs'), a TaskTemplate (with 'interface') nor an admin Task (with 'closure.compiledTask.template')");
            return new FlyteInterface(
                ReadVariableMap(typedInterface, "inputs"),
                ReadVariableMap(typedInterface, "outputs"));
        }

        private static Dictionary<string, object?>? FindInterface(Dictionary<string, object?> root)
        {
            if (root.ContainsKey("inputs") || root.ContainsKey("outputs"))
            {
                return root;
            }

            if (root.TryGetValue("interface", out var found))
            {
                return found as Dictionary<string, object?> ?? throw new FormatException("'interface' is not an object");
            }

            var template = Field(root, "template") ?? Field(Field(Field(root, "closure"), "compiledTask", "compiled_task"), "template");
            return template is null ? null : FindInterface(template);
        }

        private static EquatableArray<FlyteVariable> ReadVariableMap(Dictionary<string, object?> typedInterface, string name)
        {
            var map = Field(typedInterface, name);
            var variables = Field(map, "variables");
            if (variables is null)
            {
                return default;
            }

            var result = new List<FlyteVariable>();
            foreach (var entry in variables.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                var path = name + "." + entry.Key;
                var variable = entry.Value as Dictionary<string, object?> ?? throw new FormatException("'" + path + "' is not an object");
                var type = Field(variable, "type") ?? throw new FormatException("'" + path + "' has no 'type'");
                result.Add(new FlyteVariable(entry.Key, ReadType(type, path)));
            }

            return result.ToEquatableArray();
        }

        private static FlyteType ReadType(Dictionary<string, object?> type, string path)
        {
            FlyteType? result = null;
            void Set(FlyteType value)
            {
                if (result is not null)
                {
                    throw new FormatException("'" + path + "' sets more than one kind of type");
                }

                result = value;
            }

            if (type.TryGetValue("simple", out var simple))
            {
                Set(new SimpleType(ReadEnum(simple, SimpleKinds, path + ".simple")));
            }

            if (Field(type, "blob") is { } blob)
            {
                var format = String(blob, "format", path + ".blob");
                var dimensionality = blob.TryGetValue("dimensionality", out var d) ? ReadEnum(d, Dimensionalities, path + ".blob.dimensionality") : BlobDimensionality.Single;
                Set(new BlobType(format, dimensionality));
            }

            if (Field(type, "collectionType", "collection_type") is { } element)
            {
                Set(new CollectionType(ReadType(element, path + "[]")));
            }

            if (Field(type, "mapValueType", "map_value_type") is { } value)
            {
                Set(new MapType(ReadType(value, path + "{}")));
            }

            if (Field(type, "enumType", "enum_type") is { } enumType)
            {
                Set(new EnumType(Array(enumType, "values", path + ".enumType").Select(v => v as string ?? throw new FormatException("'" + path + ".enumType.values' holds a non-string")).ToEquatableArray()));
            }

            if (Field(type, "unionType", "union_type") is { } union)
            {
                var variants = Array(union, "variants", path + ".unionType")
                    .Select((v, i) => ReadType(v as Dictionary<string, object?> ?? throw new FormatException("a variant of '" + path + "' is not an object"), path + "|" + i.ToString(CultureInfo.InvariantCulture)));
                Set(new UnionType(variants.ToEquatableArray()));
            }

            foreach (var unsupported in new[] { "structuredDatasetType", "structured_dataset_type", "schema" })
            {
                if (type.ContainsKey(unsupported))
                {
                    throw new FormatException("'" + path + "' is a " + unsupported + ", which FlyteSharp reference tasks do not support yet");
                }
            }

            if (result is null)
            {
                throw new FormatException("'" + path + "' has no type FlyteSharp knows (simple, blob, collectionType, mapValueType, enumType or unionType)");
            }

            var tag = Field(type, "structure") is { } structure && structure.TryGetValue("tag", out var t) ? t as string : null;
            return tag is null ? result : result with { StructureTag = tag };
        }

        private static readonly Dictionary<string, SimpleKind> SimpleKinds = Enum.GetValues(typeof(SimpleKind)).Cast<SimpleKind>()
            .ToDictionary(kind => kind.ToString().ToUpperInvariant(), kind => kind, StringComparer.Ordinal);

        private static readonly Dictionary<string, BlobDimensionality> Dimensionalities = new(StringComparer.Ordinal)
        {
            ["SINGLE"] = BlobDimensionality.Single,
            ["MULTIPART"] = BlobDimensionality.Multipart,
        };

        // proto3 JSON writes an enum by name; a number is accepted as well.
        private static T ReadEnum<T>(object? value, Dictionary<string, T> byName, string path)
        {
            if (value is string name && byName.TryGetValue(name, out var named))
            {
                return named;
            }

            if (value is double number)
            {
                foreach (var candidate in byName.Values)
                {
                    if (Convert.ToDouble(candidate, CultureInfo.InvariantCulture) == number)
                    {
                        return candidate;
                    }
                }
            }

            throw new FormatException("'" + path + "' is " + (value ?? "null") + ", not one of " + string.Join(", ", byName.Keys));
        }

        private static Dictionary<string, object?>? Field(Dictionary<string, object?>? message, string name, string? alternative = null)
        {
            if (message is null)
            {
                return null;
            }

            if (!message.TryGetValue(name, out var value) && (alternative is null || !message.TryGetValue(alternative, out value)))
            {
                return null;
            }

            return value is null ? null : value as Dictionary<string, object?> ?? throw new FormatException("'" + name + "' is not an object");
        }

        private static string String(Dictionary<string, object?> message, string name, string path) =>
            !message.TryGetValue(name, out var value) || value is null
                ? string.Empty
                : value as string ?? throw new FormatException("'" + path + "." + name + "' is not a string");

        private static List<object?> Array(Dictionary<string, object?> message, string name, string path) =>
            !message.TryGetValue(name, out var value) || value is null
                ? new List<object?>()
                : value as List<object?> ?? throw new FormatException("'" + path + "." + name + "' is not an array");
    }
}
