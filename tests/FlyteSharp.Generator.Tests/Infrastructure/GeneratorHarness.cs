extern alias generator;

using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using FlyteSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using FlyteTaskGenerator = generator::FlyteSharp.Generator.Pipeline.FlyteTaskGenerator;

namespace FlyteSharp.Generator.Tests.Infrastructure;

/// <summary>
/// Runs the generator over C# sources the way the compiler does, against the real FlyteSharp runtime
/// assembly, and compiles the result.
/// </summary>
internal static class GeneratorHarness
{
    public const string AssemblyName = "FlyteSharp.TestTasks";

    public static readonly CSharpParseOptions ParseOptions =
        CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest).WithDocumentationMode(DocumentationMode.Diagnose);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    /// <summary>A compilation of <paramref name="sources"/> (each a file named <c>Source{i}.cs</c>) plus the runtime stand-ins.</summary>
    public static CSharpCompilation Compile(params string[] sources) =>
        Compile(sources.Select((text, index) => ($"Source{index}.cs", text)).ToArray());

    /// <summary>A compilation of named sources plus the stand-ins for runtime types not merged yet.</summary>
    public static CSharpCompilation Compile(params (string Path, string Text)[] sources)
    {
        var trees = sources
            .Concat(RuntimeStandIns.Sources())
            .Select(source => CSharpSyntaxTree.ParseText(source.Text, ParseOptions, source.Path))
            .ToList();
        return CSharpCompilation.Create(
            AssemblyName,
            trees,
            References.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                deterministic: true));
    }

    /// <summary>A driver that records every pipeline step, for the incremental tests.</summary>
    public static GeneratorDriver CreateDriver(params AdditionalText[] additionalTexts) =>
        CSharpGeneratorDriver.Create(
            new[] { new FlyteTaskGenerator().AsSourceGenerator() },
            additionalTexts: additionalTexts,
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator over <paramref name="sources"/>.</summary>
    public static GeneratorRun Run(params string[] sources) => Run(Compile(sources));

    /// <summary>Runs the generator over <paramref name="compilation"/>.</summary>
    public static GeneratorRun Run(CSharpCompilation compilation, params AdditionalText[] additionalTexts)
    {
        var driver = CreateDriver(additionalTexts).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GeneratorRun(compilation, output, driver.GetRunResult(), generatorDiagnostics);
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The test process's own dependency set: the framework, the runtime, Google.Protobuf and DI. The generator
        // (it would define FlyteSharp.Typing a second time) and this test assembly stay out.
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var excluded = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "FlyteSharp.Generator", "FlyteSharp.Generator.Tests" };
        var paths = trusted
            .Where(path => !excluded.Contains(Path.GetFileNameWithoutExtension(path)))
            .Append(typeof(FlyteTaskAttribute).Assembly.Location)
            .Distinct(StringComparer.OrdinalIgnoreCase);
        return paths.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();
    }
}

/// <summary>One generator run: its diagnostics, its files, and the compilation with them.</summary>
internal sealed class GeneratorRun
{
    public GeneratorRun(CSharpCompilation input, Compilation output, GeneratorDriverRunResult result, ImmutableArray<Diagnostic> generatorDiagnostics)
    {
        Input = input;
        Output = output;
        Result = result;
        GeneratorDiagnostics = generatorDiagnostics;
    }

    public CSharpCompilation Input { get; }

    public Compilation Output { get; }

    public GeneratorDriverRunResult Result { get; }

    /// <summary>What the generator reported (FLYTE###), and any generator crash (CS8785).</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    /// <summary>Generated files by hint name.</summary>
    public IReadOnlyDictionary<string, string> Sources =>
        Result.Results.SelectMany(r => r.GeneratedSources).ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);

    /// <summary>The generated file <paramref name="hintName"/>, failing clearly when it is missing.</summary>
    public string Source(string hintName) =>
        Sources.TryGetValue(hintName, out var text)
            ? text
            : throw new Xunit.Sdk.XunitException($"No generated file '{hintName}'; generated: {string.Join(", ", Sources.Keys)}");

    /// <summary>
    /// Warnings and errors of the compilation including the generated files. Missing XML docs are not the
    /// generated code's business outside generated files (test sources are not documented).
    /// </summary>
    public IReadOnlyList<Diagnostic> CompilationDiagnostics =>
        Output.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Where(d => d.Id != "CS1591" || IsGenerated(d.Location))
            .ToList();

    /// <summary>Fails unless the generator reported nothing and everything compiles without a warning.</summary>
    public GeneratorRun AssertClean()
    {
        Assert.True(GeneratorDiagnostics.IsEmpty, "Generator diagnostics:\n" + string.Join("\n", GeneratorDiagnostics));
        AssertCompiles();
        return this;
    }

    /// <summary>Fails if the compilation (user code and generated code) has any warning or error.</summary>
    public GeneratorRun AssertCompiles()
    {
        var diagnostics = CompilationDiagnostics;
        Assert.True(
            diagnostics.Count == 0,
            "The compilation with the generated code has diagnostics (warnings are errors):\n" + string.Join("\n", diagnostics.Select(Describe)));
        return this;
    }

    /// <summary>Emits the compilation and loads it into a collectible context.</summary>
    public Assembly Load()
    {
        AssertCompiles();
        // AssertCompiles has checked the generated files' XML docs; the undocumented test sources need not be.
        var options = Output.Options.WithSpecificDiagnosticOptions(
            Output.Options.SpecificDiagnosticOptions.SetItem("CS1591", ReportDiagnostic.Suppress));
        using var stream = new MemoryStream();
        var emit = Output.WithOptions(options).Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        stream.Position = 0;
        var context = new AssemblyLoadContext($"generated-{Guid.NewGuid():N}", isCollectible: true);
        return context.LoadFromStream(stream);
    }

    private static bool IsGenerated(Location location) =>
        location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true;

    private string Describe(Diagnostic diagnostic)
    {
        var tree = diagnostic.Location.SourceTree;
        var line = tree is null ? string.Empty : "\n    > " + tree.GetText().Lines[diagnostic.Location.GetLineSpan().StartLinePosition.Line].ToString().Trim();
        return diagnostic + line;
    }
}

/// <summary>An AdditionalFiles item held in memory (a pinned interface file, a lock file).</summary>
internal sealed class InMemoryAdditionalText(string path, string? text) : AdditionalText
{
    public override string Path { get; } = path;

    public override Microsoft.CodeAnalysis.Text.SourceText? GetText(CancellationToken cancellationToken = default) =>
        text is null ? null : Microsoft.CodeAnalysis.Text.SourceText.From(text);
}
