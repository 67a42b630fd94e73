using FlyteSharp.Generator.Tests.Diagnostics;
using FlyteSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace FlyteSharp.Generator.Tests.ReferenceTasks;

/// <summary>Runs reference-task sources with pinned interface files as AdditionalFiles items.</summary>
internal static class ReferenceTaskSupport
{
    /// <summary>A remote task "clean(raw: FlyteFile) -> FlyteFile" as a TypedInterface: both blobs without a format.</summary>
    public const string CleanInterface = """
        {
          "inputs": { "variables": { "raw": { "type": { "blob": {} }, "description": "raw" } } },
          "outputs": { "variables": { "o0": { "type": { "blob": { "dimensionality": "SINGLE" } } } } }
        }
        """;

    /// <summary>The same interface inside a TaskTemplate, with a second input and snake_case names.</summary>
    public const string CleanTemplate = """
        {
          "id": { "resourceType": "TASK", "project": "p", "domain": "d", "name": "wf.clean", "version": "v3" },
          "type": "python-task",
          "interface": {
            "inputs": { "variables": {
              "raw": { "type": { "blob": { "format": "" } } },
              "limit": { "type": { "union_type": { "variants": [
                { "simple": "INTEGER", "structure": { "tag": "int" } },
                { "simple": "NONE", "structure": { "tag": "none" } } ] } } } } },
            "outputs": { "variables": { "o0": { "type": { "blob": {} } } } }
          }
        }
        """;

    public const string Declaration = """
        public partial interface IPythonTasks
        {
            [FlyteReferenceTask("flytesnacks", "development", "wf.clean", "v3", InterfaceFile = "pinned/clean.json", CacheVersion = "1.0")]
            Task<FlyteFile<Csv>> CleanAsync(FlyteFile<Csv> raw, CancellationToken cancellationToken = default);
        }
        """;

    public static AdditionalText Pinned(string text, string path = "/project/pinned/clean.json") => new InMemoryAdditionalText(path, text);

    /// <summary>Fails unless exactly the marked diagnostics are reported; the rest must compile cleanly.</summary>
    public static IReadOnlyList<Diagnostic> Expect(string markup, params AdditionalText[] files)
    {
        var parsed = DiagnosticMarkup.Parse(DiagnosticTestSupport.Usings + markup);
        var run = GeneratorHarness.Run(GeneratorHarness.Compile((DiagnosticTestSupport.FileName, parsed.Source)), files);
        var reported = parsed.AssertReported(run.GeneratorDiagnostics, DiagnosticTestSupport.FileName);
        run.AssertCompiles();
        return reported;
    }

    /// <summary>Fails on any diagnostic or compilation warning (warnings are errors).</summary>
    public static GeneratorRun ExpectNone(string source, params AdditionalText[] files) =>
        GeneratorHarness.Run(GeneratorHarness.Compile((DiagnosticTestSupport.FileName, DiagnosticTestSupport.Usings + source)), files).AssertClean();

    public static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
}
