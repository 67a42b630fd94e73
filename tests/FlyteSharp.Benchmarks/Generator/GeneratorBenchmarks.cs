extern alias generator;

using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using FlyteSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using FlyteTaskGenerator = generator::FlyteSharp.Generator.Pipeline.FlyteTaskGenerator;

namespace FlyteSharp.Benchmarks.Generator;

/// <summary>
/// The source generator over 1,000 tasks in 100 classes (one file each): a full run on a fresh compilation, and
/// the incremental run after a body edit in one task, which should reuse every generated file.
/// Run with: dotnet run -c Release --project tests/FlyteSharp.Benchmarks -- --filter '*GeneratorBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private const int Classes = 100;
    private const int TasksPerClass = 10;
    private const string EditedBody = "return values.Count + 0;";

    private CSharpCompilation compilation = null!;
    private SyntaxTree editedTree = null!;
    private SyntaxTree originalTree = null!;
    private GeneratorDriver warmDriver = null!;
    private GeneratorDriver warmFloorDriver = null!;

    [GlobalSetup]
    public void Setup()
    {
        var parseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        var trees = Enumerable.Range(0, Classes)
            .Select(index => CSharpSyntaxTree.ParseText(ClassSource(index), parseOptions, $"Tasks{index}.cs"))
            .ToList();
        compilation = CSharpCompilation.Create(
            "FlyteSharp.GeneratorBenchmark",
            trees,
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        originalTree = trees[0];
        editedTree = originalTree.WithChangedText(originalTree.GetText().Replace(
            originalTree.GetText().ToString().IndexOf(EditedBody, StringComparison.Ordinal),
            EditedBody.Length,
            "var count = values.Count;\n            return count + 0;"));
        warmDriver = Driver(trackSteps: false).RunGenerators(compilation);
        warmFloorDriver = CSharpGeneratorDriver.Create(new AttributeLookupOnlyGenerator()).RunGenerators(compilation);
        Validate();
    }

    /// <summary>A first run: every class parsed and emitted.</summary>
    [Benchmark(Baseline = true)]
    public GeneratorDriver FullRun() => Driver(trackSteps: false).RunGenerators(compilation.Clone());

    /// <summary>The run after a body edit in one task: the edited file is parsed again, nothing is emitted.</summary>
    [Benchmark]
    public GeneratorDriver IncrementalBodyEdit() => warmDriver.RunGenerators(compilation.ReplaceSyntaxTree(originalTree, editedTree));

    /// <summary>
    /// The floor for the incremental run: a generator that finds the same 1,000 methods with the same
    /// <c>ForAttributeWithMetadataName</c> and reads only their names. Roslyn runs the semantic transform of every
    /// matching method again on each compilation change, so this is what any such generator pays per edit.
    /// </summary>
    [Benchmark]
    public GeneratorDriver IncrementalBodyEditFloor() => warmFloorDriver.RunGenerators(compilation.ReplaceSyntaxTree(originalTree, editedTree));

    private static CSharpGeneratorDriver Driver(bool trackSteps) =>
        CSharpGeneratorDriver.Create(
            new[] { new FlyteTaskGenerator().AsSourceGenerator() },
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackSteps));

    /// <summary>Refuses to measure a setup that is wrong: every task generated, and the edit regenerating nothing.</summary>
    private void Validate()
    {
        var full = Driver(trackSteps: true).RunGenerators(compilation);
        var first = full.GetRunResult();
        if (first.Diagnostics.Length > 0 || first.GeneratedTrees.Length != Classes + 1)
        {
            throw new InvalidOperationException($"The benchmark input does not generate cleanly: {first.Diagnostics.Length} diagnostics, {first.GeneratedTrees.Length} files.");
        }

        var regenerated = full.RunGenerators(compilation.ReplaceSyntaxTree(originalTree, editedTree)).GetRunResult().Results.Single()
            .TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs)
            .Count(output => output.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        if (regenerated != 0)
        {
            throw new InvalidOperationException($"A body edit regenerated {regenerated} outputs; it should regenerate none.");
        }
    }

    private sealed class AttributeLookupOnlyGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var names = context.SyntaxProvider.ForAttributeWithMetadataName(
                "FlyteSharp.FlyteTaskAttribute",
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax,
                static (syntax, _) => syntax.TargetSymbol.Name);
            context.RegisterSourceOutput(names, static (_, _) => { });
        }
    }

    private static string ClassSource(int index)
    {
        var source = new StringBuilder();
        source.Append(CultureInfo.InvariantCulture, $$"""
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using FlyteSharp;

            namespace Bench.Area{{index % 10}}
            {
                public enum Mode{{index}} { Fast, Slow }

                public sealed class Tasks{{index}}
                {

            """);
        for (var task = 0; task < TasksPerClass; task++)
        {
            if (task % 2 == 0)
            {
                source.Append(CultureInfo.InvariantCulture, $$"""
                        [FlyteTask(Cache = true, CacheVersion = "{{task}}", CacheIgnoreInputs = new[] { "label" })]
                        public long Count{{task}}(List<int> values, string? label, Dictionary<string, double> weights, Mode{{index}} mode)
                        {
                            return values.Count + {{task}};
                        }

                """);
            }
            else
            {
                source.Append(CultureInfo.InvariantCulture, $$"""
                        [FlyteTask]
                        public Task<(int total, string? note)> SummarizeAsync{{task}}(int[] values, DateTime at, TimeSpan? timeout, CancellationToken cancellationToken) =>
                            Task.FromResult((values.Length, (string?)null));

                """);
            }
        }

        source.Append("    }\n}\n");
        return source.ToString();
    }

    private static ImmutableArray<MetadataReference> References()
    {
        var excluded = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "FlyteSharp.Generator", "FlyteSharp.Benchmarks" };
        return ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => !excluded.Contains(Path.GetFileNameWithoutExtension(path)))
            .Append(typeof(FlyteTaskAttribute).Assembly.Location)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
