extern alias generator;

using System.Collections.Immutable;
using System.Reflection;
using System.Text.RegularExpressions;
using FlyteSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using CacheLockAnalyzer = generator::FlyteSharp.Generator.CacheLock.CacheLockAnalyzer;
using CacheLockEntry = generator::FlyteSharp.Generator.CacheLock.CacheLockEntry;
using CacheLockJson = generator::FlyteSharp.Generator.CacheLock.CacheLockJson;
using FlyteTaskGenerator = generator::FlyteSharp.Generator.Pipeline.FlyteTaskGenerator;

namespace FlyteSharp.Generator.Tests.CacheSafety;

/// <summary>
/// The cache lock: the data the generator writes into the assembly when the build asks for it (what
/// <c>flytesharp cache lock</c> reads), the file format, and FLYTE040-043 of the lock analyzer.
/// </summary>
public sealed class CacheLockTests
{
    private const string Tasks = """
        using System.Linq;
        using FlyteSharp;

        namespace Shop
        {
            public static class SalesTasks
            {
                [FlyteTask(Cache = true, CacheVersion = "1")]
                public static long Total(long[] values)
                {
                    return values.Sum();
                }

                [FlyteTask(Cache = true, CacheVersionPolicy = CacheVersionPolicy.FunctionBody)]
                public static double Net(double gross) => gross / 1.2;

                [FlyteTask]
                public static string Label(string name) => name;
            }
        }
        """;

    [Fact]
    public void Without_the_build_property_no_lock_data_is_generated()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.Compile(Tasks)).AssertClean();

        Assert.DoesNotContain("FlyteCacheLock.g.cs", run.Sources.Keys);
    }

    [Fact]
    public void The_built_assembly_carries_the_lock_of_every_cached_task()
    {
        var (entries, generated) = LockOf(Tasks);

        Assert.Equal(new[] { "Shop.SalesTasks.Net", "Shop.SalesTasks.Total" }, entries.Select(e => e.TaskName));
        foreach (var (entry, name) in entries.Zip(new[] { "Net", "Total" }))
        {
            Assert.Equal(Constant(generated, name + "CacheVersion"), entry.CacheVersion);
            Assert.Equal(Constant(generated, name + "DatasetVersion"), entry.DatasetVersion);
            Assert.Matches("^sha256:[0-9a-f]{64}$", entry.BodyHash);
        }

        Assert.Equal("body." + entries[0].BodyHash["sha256:".Length..("sha256:".Length + 16)], entries[0].CacheVersion);
    }

    [Fact]
    public void The_lock_file_round_trips_in_name_order_and_escapes_strings()
    {
        var entries = new[]
        {
            new CacheLockEntry("b.Task", "2 \"quoted\"\\", "2-aaaaaaaa-bbbbbbbb", "sha256:01"),
            new CacheLockEntry("a.Task", "1", "1-cccccccc-dddddddd", "sha256:02"),
        };

        var text = CacheLockJson.Write(entries);

        Assert.Equal(entries.OrderBy(e => e.TaskName, StringComparer.Ordinal), CacheLockJson.Read(text));
        Assert.StartsWith("{\n  \"formatVersion\": 1,\n  \"tasks\": [\n    {\n      \"name\": \"a.Task\",", text, StringComparison.Ordinal);
        Assert.Empty(CacheLockJson.Read(CacheLockJson.Write([])));
    }

    [Fact]
    public void FLYTE040_fires_when_a_body_changes_and_its_version_does_not()
    {
        var diagnostics = Analyze(Tasks.Replace("return values.Sum();", "return values.Sum() * 2;", StringComparison.Ordinal), LockFile(Tasks));

        var warning = Assert.Single(diagnostics);
        Assert.Equal("FLYTE040", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.DefaultSeverity);
        Assert.Equal("Total", SourceAt(warning));
        Assert.Contains("'Shop.SalesTasks.Total'", warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void FLYTE040_does_not_fire_on_a_comment_edit_a_version_bump_or_an_automatic_version()
    {
        var lockFile = LockFile(Tasks);

        Assert.Empty(Analyze(Tasks, lockFile));
        Assert.Empty(Analyze(Tasks.Replace("return values.Sum();", "// sum them\n            return values .Sum( );", StringComparison.Ordinal), lockFile));
        Assert.Empty(Analyze(
            Tasks.Replace("return values.Sum();", "return values.Sum() * 2;", StringComparison.Ordinal).Replace("CacheVersion = \"1\"", "CacheVersion = \"2\"", StringComparison.Ordinal),
            lockFile));
        Assert.Empty(Analyze(Tasks.Replace("gross / 1.2", "gross / 1.25", StringComparison.Ordinal), lockFile));
    }

    [Fact]
    public void FLYTE041_fires_when_an_interface_changes()
    {
        var diagnostics = Analyze(Tasks.Replace("long[] values", "double[] values", StringComparison.Ordinal).Replace("public static long Total", "public static double Total", StringComparison.Ordinal), LockFile(Tasks));

        var info = Assert.Single(diagnostics);
        Assert.Equal("FLYTE041", info.Id);
        Assert.Equal(DiagnosticSeverity.Info, info.DefaultSeverity);
        Assert.Equal("Total", SourceAt(info));
    }

    [Fact]
    public void FLYTE041_does_not_fire_when_only_the_version_changes() =>
        Assert.Empty(Analyze(Tasks.Replace("CacheVersion = \"1\"", "CacheVersion = \"2\"", StringComparison.Ordinal), LockFile(Tasks)));

    [Fact]
    public void FLYTE042_fires_at_the_lock_entry_of_a_task_that_is_gone()
    {
        var lockFile = LockFile(Tasks);
        var renamed = Tasks.Replace("public static long Total(", "public static long Sum(", StringComparison.Ordinal);

        var warning = Assert.Single(Analyze(renamed, lockFile));

        Assert.Equal("FLYTE042", warning.Id);
        Assert.Equal(CacheLockJson.FileName, Path.GetFileName(warning.Location.GetLineSpan().Path));
        Assert.Equal("\"Shop.SalesTasks.Total\"", lockFile.Substring(warning.Location.SourceSpan.Start, warning.Location.SourceSpan.Length));
    }

    [Fact]
    public void FLYTE042_does_not_fire_for_a_renamed_method_that_keeps_its_task_name()
    {
        var renamed = Tasks.Replace(
            "[FlyteTask(Cache = true, CacheVersion = \"1\")]\n        public static long Total(",
            "[FlyteTask(Name = \"Shop.SalesTasks.Total\", Cache = true, CacheVersion = \"1\")]\n        public static long Sum(",
            StringComparison.Ordinal);
        Assert.NotEqual(Tasks, renamed);

        Assert.Empty(Analyze(renamed, LockFile(Tasks)));
    }

    [Fact]
    public void FLYTE043_fires_on_a_lock_file_it_cannot_read()
    {
        var warning = Assert.Single(Analyze(Tasks, "{ \"formatVersion\": 1, \"tasks\": [ { \"name\": \"Shop.SalesTasks.Total\" } ] }"));

        Assert.Equal("FLYTE043", warning.Id);
        Assert.Contains("tasks[0] has no string \"cacheVersion\"", warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal("FLYTE043", Assert.Single(Analyze(Tasks, "{ not json")).Id);
        Assert.Equal("FLYTE043", Assert.Single(Analyze(Tasks, "{ \"formatVersion\": 2, \"tasks\": [] }")).Id);
    }

    [Fact]
    public void FLYTE043_does_not_fire_without_a_lock_file_or_with_an_empty_one()
    {
        Assert.Empty(Analyze(Tasks, lockFile: null));
        Assert.Empty(Analyze(Tasks, CacheLockJson.Write([])));
    }

    /// <summary>Builds <paramref name="source"/> as <c>flytesharp cache lock</c> does and reads the lock data from the assembly.</summary>
    private static (IReadOnlyList<CacheLockEntry> Entries, string Generated) LockOf(string source)
    {
        var compilation = GeneratorHarness.Compile(source);
        var driver = CSharpGeneratorDriver.Create(
            [new FlyteTaskGenerator().AsSourceGenerator()],
            parseOptions: GeneratorHarness.ParseOptions,
            optionsProvider: new BuildProperties("build_property.FlyteSharpCacheLock", "true"));
        var ran = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics, TestContext.Current.CancellationToken);
        var run = new GeneratorRun(compilation, output, ran.GetRunResult(), diagnostics).AssertClean();

        var json = run.Load().GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "FlyteSharp.CacheLock").Value!;
        return (CacheLockJson.Read(json), run.Source("Shop.SalesTasks.FlyteTasks.g.cs"));
    }

    private static string LockFile(string source) => CacheLockJson.Write(LockOf(source).Entries);

    private static List<Diagnostic> Analyze(string source, string? lockFile)
    {
        var compilation = GeneratorHarness.Compile(("Tasks.cs", source));
        var files = lockFile is null
            ? ImmutableArray<AdditionalText>.Empty
            : ImmutableArray.Create<AdditionalText>(new InMemoryText(Path.Combine("project", CacheLockJson.FileName), lockFile));
        var analyzed = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new CacheLockAnalyzer()),
            new AnalyzerOptions(files));
        var diagnostics = analyzed.GetAnalyzerDiagnosticsAsync(TestContext.Current.CancellationToken).GetAwaiter().GetResult();
        return diagnostics.OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
    }

    private static string SourceAt(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree!.GetText(TestContext.Current.CancellationToken).ToString(diagnostic.Location.SourceSpan);

    private static string Constant(string generated, string name)
    {
        var match = Regex.Match(generated, "public const string " + name + " = \"([^\"]*)\";");
        Assert.True(match.Success, $"No constant {name} in:\n{generated}");
        return match.Groups[1].Value;
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class BuildProperties(string key, string value) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(key, value);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options(string? key, string? value) : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new(null, null);

            public override bool TryGetValue(string name, out string result)
            {
                result = name == key ? value! : string.Empty;
                return name == key;
            }
        }
    }
}
