extern alias generator;

using System.Text.RegularExpressions;
using FlyteSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TaskClassSpec = generator::FlyteSharp.Generator.Model.TaskClassSpec;
using TrackingNames = generator::FlyteSharp.Generator.Pipeline.TrackingNames;

namespace FlyteSharp.Generator.Tests.CacheSafety;

/// <summary>
/// <c>CacheVersionPolicy.FunctionBody</c>: the generated cache and dataset version constants follow the body, not
/// its formatting; tasks that do not ask for it stay cached across body edits.
/// </summary>
public sealed partial class AutomaticCacheVersionTests
{
    private const string Tasks = """
        using FlyteSharp;

        namespace Shop
        {
            public static class PriceTasks
            {
                [FlyteTask(Cache = true, CacheVersionPolicy = CacheVersionPolicy.FunctionBody)]
                public static double Net(double gross)
                {
                    return gross / 1.2;
                }

                [FlyteTask(Cache = true, CacheVersion = "7", CacheVersionPolicy = CacheVersionPolicy.FunctionBody)]
                public static double Gross(double net) => net * 1.2;

                [FlyteTask(Cache = true, CacheVersion = "1")]
                public static double Round(double value) => System.Math.Round(value, 2);
            }
        }
        """;

    [Fact]
    public void The_derived_version_is_the_body_hash_prefixed_by_a_written_version()
    {
        var generated = Generate(Tasks);

        Assert.Matches("^body\\.[0-9a-f]{16}$", Constant(generated, "NetCacheVersion"));
        Assert.Matches("^7-body\\.[0-9a-f]{16}$", Constant(generated, "GrossCacheVersion"));
        Assert.Equal("1", Constant(generated, "RoundCacheVersion"));
        Assert.StartsWith(Constant(generated, "NetCacheVersion") + "-", Constant(generated, "NetDatasetVersion"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_edit_changes_the_cache_and_dataset_versions()
    {
        var before = Generate(Tasks);
        var after = Generate(Tasks.Replace("gross / 1.2", "gross / 1.25", StringComparison.Ordinal));

        Assert.NotEqual(Constant(before, "NetCacheVersion"), Constant(after, "NetCacheVersion"));
        Assert.NotEqual(Constant(before, "NetDatasetVersion"), Constant(after, "NetDatasetVersion"));
        // Only the interface hashes stay: the dataset version is the new cache version over the same interface.
        Assert.Equal(Constant(before, "NetDatasetVersion")[^17..], Constant(after, "NetDatasetVersion")[^17..]);
        Assert.Equal(Constant(before, "GrossCacheVersion"), Constant(after, "GrossCacheVersion"));
    }

    [Fact]
    public void A_comment_or_whitespace_edit_keeps_every_constant()
    {
        var before = Generate(Tasks);
        var after = Generate(Tasks
            .Replace("return gross / 1.2;", "// VAT is 20%\n            return gross/1.2 ;", StringComparison.Ordinal)
            .Replace("=> net * 1.2;", "=>\n            net /* with VAT */ * 1.2;", StringComparison.Ordinal));

        Assert.Equal(before, after);
    }

    [Fact]
    public void A_body_edit_regenerates_the_class_of_a_task_that_asks_only()
    {
        var compilation = GeneratorHarness.Compile(("PriceTasks.cs", Tasks), ("StockTasks.cs", StockTasks));
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken);

        var stockEdit = Replace(compilation, "StockTasks.cs", StockTasks.Replace("return quantity;", "return quantity + 0;", StringComparison.Ordinal));
        var stockRun = driver.RunGenerators(stockEdit, TestContext.Current.CancellationToken).GetRunResult().Results.Single();
        Assert.All(
            stockRun.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.Contains(o.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));

        var priceEdit = Replace(compilation, "PriceTasks.cs", Tasks.Replace("gross / 1.2", "gross / 1.25", StringComparison.Ordinal));
        var priceRun = driver.RunGenerators(priceEdit, TestContext.Current.CancellationToken).GetRunResult().Results.Single();
        var classes = priceRun.TrackedSteps[TrackingNames.TaskClass].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(IncrementalStepRunReason.Modified, classes.Single(o => ((TaskClassSpec)o.Value).Class.Name == "PriceTasks").Reason);
        Assert.Equal(IncrementalStepRunReason.Unchanged, classes.Single(o => ((TaskClassSpec)o.Value).Class.Name == "StockTasks").Reason);
    }

    [Fact]
    public void The_generated_dataset_version_equals_the_runtime_computation()
    {
        var assembly = GeneratorHarness.Run(GeneratorHarness.Compile(Tasks)).AssertClean().Load();
        var descriptors = assembly.GetType("Shop.PriceTasksFlyte", throwOnError: true)!;
        var descriptor = (FlyteSharp.Running.FlyteTaskDescriptor)descriptors.GetProperty("Net")!.GetValue(null)!;

        var runtime = Hashing.RuntimeDatasetVersion.Compute(descriptor.CacheVersion!, descriptor.Interface);
        Assert.NotEmpty(runtime);
        Assert.All(runtime, version => Assert.Equal(descriptors.GetField("NetDatasetVersion")!.GetRawConstantValue(), version));
    }

    private const string StockTasks = """
        using FlyteSharp;

        namespace Shop
        {
            public static class StockTasks
            {
                [FlyteTask]
                public static long Reserve(string sku, long quantity)
                {
                    return quantity;
                }
            }
        }
        """;

    private static string Generate(string source) =>
        GeneratorHarness.Run(GeneratorHarness.Compile(source)).AssertClean().Source("Shop.PriceTasks.FlyteTasks.g.cs");

    private static string Constant(string generated, string name)
    {
        var match = Regex.Match(generated, "public const string " + name + " = \"([^\"]*)\";");
        Assert.True(match.Success, $"No constant {name} in:\n{generated}");
        return match.Groups[1].Value;
    }

    private static CSharpCompilation Replace(CSharpCompilation compilation, string path, string text)
    {
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions, path, cancellationToken: TestContext.Current.CancellationToken));
    }
}
