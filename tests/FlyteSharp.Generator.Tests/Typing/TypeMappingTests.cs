using Flyteidl.Core;
using FlyteSharp.Generator.Tests.Infrastructure;
using Google.Protobuf;

namespace FlyteSharp.Generator.Tests.Typing;

/// <summary>
/// For every supported C# type, the Flyte type the generated <c>TypedInterface</c> carries, as input and as
/// output: the types flytekit gives the same Python type (DESIGN §4), union variants tagged as flytekit tags them.
/// </summary>
public sealed class TypeMappingTests
{
    private const string Integer = """{ "simple": "INTEGER" }""";
    private const string Float = """{ "simple": "FLOAT" }""";
    private const string String = """{ "simple": "STRING" }""";

    public static TheoryData<string, string> SupportedTypes() => new()
    {
        { "long", Integer },
        { "int", Integer },
        { "short", Integer },
        { "byte", Integer },
        { "double", Float },
        { "float", Float },
        { "string", String },
        { "bool", """{ "simple": "BOOLEAN" }""" },
        { "DateTime", """{ "simple": "DATETIME" }""" },
        { "DateTimeOffset", """{ "simple": "DATETIME" }""" },
        { "TimeSpan", """{ "simple": "DURATION" }""" },
        { "FlyteFile", """{ "blob": {} }""" },
        { "FlyteFile<Csv>", """{ "blob": { "format": "csv" } }""" },
        { "FlyteDirectory", """{ "blob": { "dimensionality": "MULTIPART" } }""" },
        { "FlyteDirectory<Parquet>", """{ "blob": { "format": "parquet", "dimensionality": "MULTIPART" } }""" },
        { "Level", """{ "enumType": { "values": [ "Low", "Medium", "High" ] } }""" },
        { "int[]", """{ "collectionType": { "simple": "INTEGER" } }""" },
        { "List<string>", """{ "collectionType": { "simple": "STRING" } }""" },
        { "IList<double>", """{ "collectionType": { "simple": "FLOAT" } }""" },
        { "ICollection<bool>", """{ "collectionType": { "simple": "BOOLEAN" } }""" },
        { "IEnumerable<long>", """{ "collectionType": { "simple": "INTEGER" } }""" },
        { "IReadOnlyList<FlyteFile<Csv>>", """{ "collectionType": { "blob": { "format": "csv" } } }""" },
        { "IReadOnlyCollection<TimeSpan>", """{ "collectionType": { "simple": "DURATION" } }""" },
        { "List<List<int>>", """{ "collectionType": { "collectionType": { "simple": "INTEGER" } } }""" },
        { "Dictionary<string, int>", """{ "mapValueType": { "simple": "INTEGER" } }""" },
        { "IDictionary<string, Level>", """{ "mapValueType": { "enumType": { "values": [ "Low", "Medium", "High" ] } } }""" },
        { "IReadOnlyDictionary<string, List<string>>", """{ "mapValueType": { "collectionType": { "simple": "STRING" } } }""" },
        { "int?", Optional("""{ "simple": "INTEGER", "structure": { "tag": "int" } }""") },
        { "double?", Optional("""{ "simple": "FLOAT", "structure": { "tag": "float" } }""") },
        { "string?", Optional("""{ "simple": "STRING", "structure": { "tag": "str" } }""") },
        { "bool?", Optional("""{ "simple": "BOOLEAN", "structure": { "tag": "bool" } }""") },
        { "DateTime?", Optional("""{ "simple": "DATETIME", "structure": { "tag": "datetime" } }""") },
        { "TimeSpan?", Optional("""{ "simple": "DURATION", "structure": { "tag": "timedelta" } }""") },
        { "FlyteFile<Csv>?", Optional("""{ "blob": { "format": "csv" }, "structure": { "tag": "FlyteFilePath" } }""") },
        { "FlyteDirectory?", Optional("""{ "blob": { "dimensionality": "MULTIPART" }, "structure": { "tag": "FlyteDirectory" } }""") },
        { "Level?", Optional("""{ "enumType": { "values": [ "Low", "Medium", "High" ] }, "structure": { "tag": "DefaultEnumTransformer" } }""") },
        { "List<int>?", Optional("""{ "collectionType": { "simple": "INTEGER" }, "structure": { "tag": "Typed List" } }""") },
        { "Dictionary<string, string>?", Optional("""{ "mapValueType": { "simple": "STRING" }, "structure": { "tag": "Typed Dict" } }""") },
        { "List<int?>", """{ "collectionType": """ + Optional("""{ "simple": "INTEGER", "structure": { "tag": "int" } }""") + " }" },
    };

    [Theory]
    [MemberData(nameof(SupportedTypes))]
    public void Supported_type_has_the_flytekit_literal_type_as_input_and_output(string csharpType, string expectedJson)
    {
        var assembly = GeneratorHarness.Run($$"""
            using System;
            using System.Collections.Generic;
            using FlyteSharp;
            using FlyteSharp.Formats;

            namespace Mapping
            {
                public enum Level { Low, Medium = 5, High }

                public static class Echoes
                {
                    [FlyteTask]
                    public static {{csharpType}} Echo({{csharpType}} value) => value;
                }
            }
            """).AssertClean().Load();

        var descriptor = GeneratedAssembly.Descriptor(assembly, "Mapping.EchoesFlyte", "Echo");
        var expected = JsonParser.Default.Parse<LiteralType>(expectedJson);

        Assert.Equal(expected, GeneratedAssembly.VariableType(descriptor.Interface.Inputs, "value"));
        Assert.Equal(expected, GeneratedAssembly.VariableType(descriptor.Interface.Outputs, "o0"));
        Assert.Single(descriptor.Interface.Inputs.Variables);
        Assert.Single(descriptor.Interface.Outputs.Variables);
    }

    [Fact]
    public void Tuple_elements_are_outputs_named_by_element_or_position()
    {
        var assembly = GeneratorHarness.Run("""
            using System.Threading;
            using System.Threading.Tasks;
            using FlyteSharp;

            public static class Stats
            {
                [FlyteTask]
                public static Task<(long count, double, string? label)> Summarize(int[] values, CancellationToken cancellationToken) =>
                    Task.FromResult<(long, double, string?)>((values.Length, 0.5, null));
            }
            """).AssertClean().Load();

        var descriptor = GeneratedAssembly.Descriptor(assembly, "StatsFlyte", "Summarize");

        Assert.Equal(["count", "o1", "label"], descriptor.Interface.Outputs.Variables.Keys);
        Assert.Equal(["values"], descriptor.Interface.Inputs.Variables.Keys);
        Assert.Equal(JsonParser.Default.Parse<LiteralType>(Integer), descriptor.Interface.Outputs.Variables["count"].Type);
        Assert.Equal(JsonParser.Default.Parse<LiteralType>(Float), descriptor.Interface.Outputs.Variables["o1"].Type);
        Assert.Equal(
            JsonParser.Default.Parse<LiteralType>(Optional("""{ "simple": "STRING", "structure": { "tag": "str" } }""")),
            descriptor.Interface.Outputs.Variables["label"].Type);
    }

    [Fact]
    public void Descriptor_carries_names_and_cache_settings()
    {
        var assembly = GeneratorHarness.Run("""
            using FlyteSharp;

            namespace Shop.Tasks
            {
                public static class Orders
                {
                    [FlyteTask(Cache = true, CacheVersion = "3", CacheSerialize = true, CacheIgnoreInputs = new[] { "requestId" })]
                    public static int PlaceAsync(string sku, string requestId) => sku.Length;

                    [FlyteTask(Name = "shop.cancel")]
                    public static void Cancel(long orderId) { }
                }
            }
            """).AssertClean().Load();

        var place = GeneratedAssembly.Descriptor(assembly, "Shop.Tasks.OrdersFlyte", "Place");
        Assert.Equal("Shop.Tasks.Orders.Place", place.TaskName);
        Assert.Equal("flyte_task-Shop.Tasks.Orders.Place", place.DatasetName);
        Assert.True(place.Cache);
        Assert.Equal("3", place.CacheVersion);
        Assert.True(place.CacheSerialize);
        Assert.Equal(["requestId"], place.CacheIgnoreInputs);
        Assert.Equal(place.TaskName, GeneratedAssembly.Constant(assembly, "Shop.Tasks.OrdersFlyte", "PlaceTaskName"));
        Assert.Equal(place.DatasetName, GeneratedAssembly.Constant(assembly, "Shop.Tasks.OrdersFlyte", "PlaceDatasetName"));

        var cancel = GeneratedAssembly.Descriptor(assembly, "Shop.Tasks.OrdersFlyte", "Cancel");
        Assert.Equal("shop.cancel", cancel.TaskName);
        Assert.Equal("flyte_task-shop.cancel", cancel.DatasetName);
        Assert.False(cancel.Cache);
        Assert.Null(cancel.CacheVersion);
        Assert.Null(cancel.DatasetVersion);
        Assert.Empty(cancel.CacheIgnoreInputs);
        Assert.Empty(cancel.Interface.Outputs.Variables);
    }

    private static string Optional(string variant) =>
        """{ "unionType": { "variants": [ """ + variant + """, { "simple": "NONE", "structure": { "tag": "none" } } ] } }""";
}
