extern alias generator;

using FlyteSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TaskClassSpec = generator::FlyteSharp.Generator.Model.TaskClassSpec;
using TrackingNames = generator::FlyteSharp.Generator.Pipeline.TrackingNames;

namespace FlyteSharp.Generator.Tests.Incremental;

/// <summary>
/// What the generator does again after an edit (<c>trackIncrementalGeneratorSteps</c>): an edit that changes
/// no task must leave every output cached or unchanged; a change to one task regenerates that class only.
/// </summary>
public sealed class IncrementalTests
{
    private const string SalesTasks = """
        using System.Threading.Tasks;
        using FlyteSharp;

        namespace Shop
        {
            public sealed class SalesTasks
            {
                [FlyteTask(Cache = true, CacheVersion = "1")]
                public int Count(int[] values)
                {
                    return values.Length;
                }

                [FlyteTask]
                public Task<string> Label(string name) => Task.FromResult(name);
            }
        }
        """;

    private const string StockTasks = """
        using FlyteSharp;

        namespace Shop
        {
            public static class StockTasks
            {
                [FlyteTask]
                public static long Reserve(string sku, long quantity) => quantity;
            }
        }
        """;

    private const string Unrelated = """
        namespace Shop
        {
            public static class Prices
            {
                public static decimal Net(decimal gross) => gross / 1.2m;
            }
        }
        """;

    [Fact]
    public void The_same_compilation_twice_is_cached_throughout()
    {
        var compilation = Compilation();
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken);

        var result = RunAgain(driver, compilation);

        AssertAllOutputs(result, IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void An_unrelated_edit_leaves_every_output_cached_or_unchanged()
    {
        var compilation = Compilation();
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken);

        var edited = Replace(compilation, "Unrelated.cs", Unrelated.Replace("1.2m", "1.25m", StringComparison.Ordinal));
        var result = RunAgain(driver, edited);

        AssertAllOutputs(result, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertStep(result, TrackingNames.TaskClass, IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void A_body_edit_that_moves_the_next_task_leaves_every_output_cached_or_unchanged()
    {
        var compilation = Compilation();
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken);

        var body = SalesTasks.Replace("return values.Length;", "var count = values.Length;\n            return count;", StringComparison.Ordinal);
        var result = RunAgain(driver, Replace(compilation, "SalesTasks.cs", body));

        // The methods of the edited file were parsed again; their tasks compare equal, so nothing downstream ran.
        Assert.Contains(result.TrackedSteps[TrackingNames.TaskMethods].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        AssertStep(result, TrackingNames.TaskDeclarations, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertStep(result, TrackingNames.TaskClasses, IncrementalStepRunReason.Cached);
        AssertAllOutputs(result, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void An_attribute_change_regenerates_that_class_only()
    {
        var compilation = Compilation();
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken);

        var changed = SalesTasks.Replace("CacheVersion = \"1\"", "CacheVersion = \"2\"", StringComparison.Ordinal);
        var result = RunAgain(driver, Replace(compilation, "SalesTasks.cs", changed));

        var classes = result.TrackedSteps[TrackingNames.TaskClass].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(2, classes.Count);
        Assert.Equal(IncrementalStepRunReason.Modified, classes.Single(o => ((TaskClassSpec)o.Value).Class.Name == "SalesTasks").Reason);
        Assert.Equal(IncrementalStepRunReason.Unchanged, classes.Single(o => ((TaskClassSpec)o.Value).Class.Name == "StockTasks").Reason);
        AssertStep(result, TrackingNames.Registration, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);

        var regenerated = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs)
            .Count(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        Assert.Equal(1, regenerated);
        Assert.Contains("public const string CountCacheVersion = \"2\";", result.GeneratedSources.Single(s => s.HintName == "Shop.SalesTasks.FlyteTasks.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_task_class_regenerates_the_registration()
    {
        var compilation = Compilation();
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken);

        var extra = CSharpSyntaxTree.ParseText(StockTasks.Replace("StockTasks", "ReturnTasks", StringComparison.Ordinal), GeneratorHarness.ParseOptions, "ReturnTasks.cs", cancellationToken: TestContext.Current.CancellationToken);
        var result = RunAgain(driver, compilation.AddSyntaxTrees(extra));

        AssertStep(result, TrackingNames.Registration, IncrementalStepRunReason.Modified);
        Assert.Contains("global::Shop.ReturnTasksFlyte.AddReturnTasks(builder);", result.GeneratedSources.Single(s => s.HintName == "GeneratedFlyteTasks.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Runs <paramref name="driver"/> on the edited compilation; the result must compile with warnings as errors.</summary>
    private static GeneratorRunResult RunAgain(GeneratorDriver driver, CSharpCompilation compilation)
    {
        var run = driver.RunGenerators(compilation, TestContext.Current.CancellationToken).GetRunResult();
        new GeneratorRun(compilation, compilation.AddSyntaxTrees(run.GeneratedTrees), run, run.Diagnostics).AssertClean();
        return run.Results.Single();
    }

    private static CSharpCompilation Compilation() =>
        GeneratorHarness.Compile(("SalesTasks.cs", SalesTasks), ("StockTasks.cs", StockTasks), ("Unrelated.cs", Unrelated));

    private static CSharpCompilation Replace(CSharpCompilation compilation, string path, string text)
    {
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions, path, cancellationToken: TestContext.Current.CancellationToken));
    }

    private static void AssertAllOutputs(GeneratorRunResult result, params IncrementalStepRunReason[] allowed)
    {
        var outputs = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.Contains(o.Reason, allowed));
    }

    private static void AssertStep(GeneratorRunResult result, string step, params IncrementalStepRunReason[] allowed)
    {
        var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.Contains(o.Reason, allowed));
    }
}
