using static FlyteSharp.Generator.Tests.ReferenceTasks.ReferenceTaskSupport;

namespace FlyteSharp.Generator.Tests.ReferenceTasks;

/// <summary>FLYTE050-FLYTE057: reference tasks against their pinned interfaces. Each: it fires, and it does not.</summary>
public sealed class ReferenceTaskDiagnosticTests
{
    private const string Header = """
        public partial interface IPythonTasks
        {
        """;

    [Fact]
    public void FLYTE050_fires_when_no_additional_file_has_the_path()
    {
        var diagnostics = Expect(Header + """
                [FlyteReferenceTask("p", "d", "wf.clean", "v3", InterfaceFile = {|FLYTE050:"pinned/clean.json"|}, CacheVersion = "1.0")]
                Task<FlyteFile<Csv>> CleanAsync(FlyteFile<Csv> raw);
            }
            """, Pinned(CleanInterface, "/project/pinned/other-clean.json"));

        Assert.StartsWith("Reference task 'IPythonTasks.CleanAsync' pins its interface in 'pinned/clean.json', but no AdditionalFiles item has that path", Message(Assert.Single(diagnostics)), StringComparison.Ordinal);
    }

    [Fact]
    public void FLYTE050_does_not_fire_when_the_file_is_an_additional_file() =>
        ExpectNone(Declaration, Pinned(CleanInterface, @"C:\project\pinned\clean.json"));

    [Fact]
    public void FLYTE051_fires_on_a_file_that_is_not_a_flyte_interface()
    {
        var diagnostics = Expect(Header + """
                [FlyteReferenceTask("p", "d", "wf.clean", "v3", InterfaceFile = {|FLYTE051:"pinned/clean.json"|}, CacheVersion = "1.0")]
                Task<FlyteFile<Csv>> CleanAsync(FlyteFile<Csv> raw);
                [FlyteReferenceTask("p", "d", "wf.sum", "v3", InterfaceFile = {|FLYTE051:"pinned/sum.json"|}, CacheVersion = "1.0")]
                Task<long> SumAsync(long a);
                [FlyteReferenceTask("p", "d", "wf.list", "v3", InterfaceFile = {|FLYTE051:"pinned/list.json"|}, CacheVersion = "1.0")]
                Task<long> ListAsync(long a);
            }
            """,
            Pinned("[1, 2]"),
            Pinned("""{ "inputs": { "variables": { "a": { "type": { "simple": "TEXT" } } } } }""", "/project/pinned/sum.json"),
            Pinned("""{ "inputs": { "variables": { "a": { "type": { "structuredDatasetType": { "format": "parquet" } } } } } }""", "/project/pinned/list.json"));

        var messages = diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(Message).ToList();
        Assert.Contains("does not hold a JSON object", messages[0], StringComparison.Ordinal);
        Assert.Contains("'inputs.a.simple' is TEXT, not one of", messages[1], StringComparison.Ordinal);
        Assert.Contains("'inputs.a' is a structuredDatasetType, which FlyteSharp reference tasks do not support yet", messages[2], StringComparison.Ordinal);
    }

    [Fact]
    public void FLYTE051_does_not_fire_on_a_task_template()
    {
        var run = ExpectNone(Header + """
                [FlyteReferenceTask("p", "d", "wf.clean", "v3", InterfaceFile = "pinned/clean.json", CacheVersion = "1.0")]
                Task<FlyteFile> CleanAsync(FlyteFile<Csv> raw, int? limit);
            }
            """, Pinned(CleanTemplate));

        Assert.Contains("[\"limit\"] = new global::Flyteidl.Core.Variable", run.Source("IPythonTasks.FlyteReferenceTasks.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void FLYTE052_fires_on_an_input_that_cannot_be_passed_to_the_remote_type()
    {
        var diagnostics = Expect(Header + """
                [FlyteReferenceTask("p", "d", "wf.clean", "v3", InterfaceFile = "pinned/clean.json", CacheVersion = "1.0")]
                Task<FlyteFile> CleanAsync({|FLYTE052:FlyteDirectory|} raw, {|FLYTE052:string?|} limit);
            }
            """, Pinned(CleanTemplate));

        var messages = diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(Message).ToList();
        Assert.StartsWith("Parameter 'raw' of reference task 'IPythonTasks.CleanAsync' is blob{dimensionality:MULTIPART}, which cannot be passed as the remote input of type blob{}: inputs.raw", messages[0], StringComparison.Ordinal);
        Assert.Contains("never castable", messages[0], StringComparison.Ordinal);
        Assert.Contains("inputs.limit", messages[1], StringComparison.Ordinal);
    }

    [Fact]
    public void FLYTE052_does_not_fire_on_a_formatted_file_for_a_remote_blob_without_format() =>
        ExpectNone(Declaration, Pinned(CleanInterface));

    [Fact]
    public void FLYTE053_fires_on_a_remote_output_that_cannot_be_read_as_the_csharp_type()
    {
        var diagnostics = Expect(Header + """
                [FlyteReferenceTask("p", "d", "wf.clean", "v3", InterfaceFile = "pinned/clean.json", CacheVersion = "1.0")]
                {|FLYTE053:Task<FlyteFile<Csv>>|} CleanAsync(FlyteFile<Csv> raw);
            }
            """, Pinned("""
            { "inputs": { "variables": { "raw": { "type": { "blob": {} } } } },
              "outputs": { "variables": { "o0": { "type": { "blob": { "format": "parquet" } } } } } }
            """));

        Assert.Equal(
            "Output 'o0' of reference task 'IPythonTasks.CleanAsync' is blob{format:\"parquet\"} in the pinned interface, which cannot be read as the C# output's blob{format:\"csv\"}: outputs.o0: blob{format:\"parquet\"} is not castable to blob{format:\"csv\"}.",
            Message(Assert.Single(diagnostics)));
    }

    [Fact]
    public void FLYTE053_does_not_fire_on_a_remote_blob_without_format_read_as_a_csv_file()
    {
        var run = ExpectNone(Declaration, Pinned(CleanInterface));

        // The descriptor carries the pinned interface, not the C# one.
        Assert.Contains("Blob = new global::Flyteidl.Core.BlobType { Format = \"\", Dimensionality = global::Flyteidl.Core.BlobType.Types.BlobDimensionality.Single }", run.Source("IPythonTasks.FlyteReferenceTasks.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void FLYTE054_fires_on_a_parameter_the_remote_task_does_not_have()
    {
        var diagnostics = Expect(Header + """
                [FlyteReferenceTask("p", "d", "wf.clean", "v3", InterfaceFile = "pinned/clean.json", CacheVersion = "1.0")]
                Task<FlyteFile<Csv>> CleanAsync(FlyteFile<Csv> raw, {|FLYTE054:string|} region);
            }
            """, Pinned(CleanInterface));

        Assert.Equal("Parameter 'region' of reference task 'IPythonTasks.CleanAsync' is not an input of the remote task; its inputs are: raw: blob{}. Rename or remove the parameter.", Message(Assert.Single(diagnostics)));
    }

    [Fact]
    public void FLYTE054_does_not_fire_on_a_cancellation_token() =>
        ExpectNone(Declaration, Pinned(CleanInterface));

    [Fact]
    public void FLYTE055_fires_on_a_remote_input_without_parameter()
    {
        var diagnostics = Expect(Header + """
                [FlyteReferenceTask("p", "d", "wf.clean", "v3", InterfaceFile = "pinned/clean.json", CacheVersion = "1.0")]
                Task<FlyteFile> {|FLYTE055:CleanAsync|}(FlyteFile<Csv> raw);
            }
            """, Pinned(CleanTemplate));

        Assert.StartsWith("Reference task 'IPythonTasks.CleanAsync' has no parameter for the remote input 'limit' (union[INTEGER(tag:\"int\"),NONE(tag:\"none\")])", Message(Assert.Single(diagnostics)), StringComparison.Ordinal);
    }

    [Fact]
    public void FLYTE055_does_not_fire_when_every_remote_input_has_a_parameter() => ExpectNone(Header + """
            [FlyteReferenceTask("p", "d", "wf.clean", "v3", InterfaceFile = "pinned/clean.json", CacheVersion = "1.0")]
            Task<FlyteFile> CleanAsync(int? limit, FlyteFile raw);
        }
        """, Pinned(CleanTemplate));

    [Fact]
    public void FLYTE056_fires_when_output_names_differ()
    {
        var diagnostics = Expect(Header + """
                [FlyteReferenceTask("p", "d", "wf.clean", "v3", InterfaceFile = "pinned/clean.json", CacheVersion = "1.0")]
                {|FLYTE056:Task<(FlyteFile a, long b)>|} CleanAsync(FlyteFile<Csv> raw);
                [FlyteReferenceTask("p", "d", "wf.clean", "v4", InterfaceFile = "pinned/clean.json", CacheVersion = "1.0")]
                {|FLYTE056:Task|} TouchAsync(FlyteFile<Csv> raw);
            }
            """, Pinned(CleanInterface));

        var messages = diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(Message).ToList();
        Assert.StartsWith("Reference task 'IPythonTasks.CleanAsync' returns the outputs a: blob{}, b: INTEGER, but the remote task's outputs are o0: blob{}.", messages[0], StringComparison.Ordinal);
        Assert.StartsWith("Reference task 'IPythonTasks.TouchAsync' returns the outputs (none)", messages[1], StringComparison.Ordinal);
    }

    [Fact]
    public void FLYTE056_does_not_fire_on_a_tuple_with_the_remote_names()
    {
        var run = ExpectNone(Header + """
                [FlyteReferenceTask("p", "d", "wf.split", "v3", InterfaceFile = "pinned/split.json", CacheVersion = "1.0")]
                Task<(long rows, FlyteFile path)> SplitAsync(string raw);
            }
            """, Pinned("""
            { "inputs": { "variables": { "raw": { "type": { "simple": "STRING" } } } },
              "outputs": { "variables": { "rows": { "type": { "simple": 1 } }, "path": { "type": { "blob": {} } } } } }
            """, "pinned/split.json"));

        Assert.Contains("return (", run.Source("IPythonTasks.FlyteReferenceTasks.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void FLYTE057_fires_on_declarations_that_cannot_be_generated()
    {
        var diagnostics = Expect("""
            public partial interface IPythonTasks
            {
                [{|FLYTE057:FlyteReferenceTask("p", "d", "wf.clean", "v3", InterfaceFile = "pinned/clean.json")|}]
                Task<FlyteFile<Csv>> CleanAsync(FlyteFile<Csv> raw);

                [FlyteReferenceTask({|FLYTE057:""|}, "d", "wf.clean", "v3", InterfaceFile = "pinned/clean.json", CacheVersion = "1.0")]
                {|FLYTE057:FlyteFile<Csv>|} Clean2(FlyteFile<Csv> raw);

                int {|FLYTE057:Other|}();
            }
            """, Pinned(CleanInterface));

        var messages = diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(Message).ToList();
        Assert.Contains(messages, m => m.EndsWith("CacheVersion is not set; set the remote task's cache version (cache_version in flytekit).", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.EndsWith("its project is empty.", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("a reference task returns Task or Task<T>", StringComparison.Ordinal));
        Assert.Single(messages, m => m.Contains("the member 'Other' without [FlyteReferenceTask]", StringComparison.Ordinal));
    }

    [Fact]
    public void FLYTE057_does_not_fire_on_an_interface_with_static_and_default_members() => ExpectNone(Header + """
            [FlyteReferenceTask("p", "d", "wf.clean", "v3", InterfaceFile = "pinned/clean.json", CacheVersion = "1.0")]
            Task<FlyteFile<Csv>> CleanAsync(FlyteFile<Csv> raw);

            static string Describe() => "python tasks";
        }
        """, Pinned(CleanInterface));
}
