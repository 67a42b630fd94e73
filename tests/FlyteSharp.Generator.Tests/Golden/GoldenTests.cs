using FlyteSharp.Generator.Tests.Infrastructure;

namespace FlyteSharp.Generator.Tests.Golden;

/// <summary>
/// The generated code of representative task classes, checked against golden files. Each run also compiles
/// the generated code with warnings as errors.
/// </summary>
public sealed class GoldenTests
{
    [Fact]
    public void BasicTasks()
    {
        const string source = """
            using System.Threading;
            using System.Threading.Tasks;
            using FlyteSharp;

            namespace Sales
            {
                public sealed class Greeter
                {
                    public string Prefix { get; set; } = "Hello";
                }

                /// <summary>Tasks that clean and count sales data.</summary>
                public sealed class SalesTasks
                {
                    private readonly Greeter greeter;

                    public SalesTasks(Greeter greeter) => this.greeter = greeter;

                    /// <summary>Counts the words of <paramref name="text"/>.</summary>
                    /// <param name="text">Any text.</param>
                    /// <returns>The number of words.</returns>
                    [FlyteTask]
                    public long CountWords(string text) => text.Split(' ').Length;

                    /// <summary>Not a task: an overload, so the generated docs must name the task's signature.</summary>
                    public long CountWords(string text, char separator) => text.Split(separator).Length;

                    /// <summary>Greets someone, slowly.</summary>
                    [FlyteTask]
                    public async Task<string> GreetAsync(string name, int times = 1, CancellationToken cancellationToken = default)
                    {
                        await Task.Delay(1, cancellationToken);
                        return string.Concat(System.Linq.Enumerable.Repeat(greeter.Prefix + " " + name + ". ", times));
                    }

                    [FlyteTask]
                    public void Touch(bool flag) { }

                    [FlyteTask]
                    public Task Wait(double seconds, CancellationToken token) => Task.Delay(1, token);

                    [FlyteTask]
                    public static ValueTask<int> Add(int a, int b) => new(a + b);
                }
            }
            """;

        var run = GeneratorHarness.Run(source).AssertClean();
        GoldenFile.Verify(run.Source("Sales.SalesTasks.FlyteTasks.g.cs"));
    }

    [Fact]
    public void CachedTasks()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using FlyteSharp;

            namespace Sales.Reports
            {
                public static class ReportTasks
                {
                    [FlyteTask(Cache = true, CacheVersion = "1.0")]
                    public static int Total(int[] amounts) => amounts.Length;

                    [FlyteTask(Name = "sales.reports.summarize", Cache = true, CacheVersion = " 2 ", CacheSerialize = true, CacheIgnoreInputs = new[] { "requestedBy", "seed" })]
                    public static Task<string> SummarizeAsync(string region, string requestedBy, long seed) => Task.FromResult(region);

                    [FlyteTask]
                    public static DateTime Now(TimeSpan offset) => DateTime.UnixEpoch + offset;
                }
            }
            """;

        var run = GeneratorHarness.Run(source).AssertClean();
        GoldenFile.Verify(run.Source("Sales.Reports.ReportTasks.FlyteTasks.g.cs"));
    }

    [Fact]
    public void EveryType()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using FlyteSharp;
            using FlyteSharp.Formats;

            namespace Catalog
            {
                public enum Color { Red, Green, Blue }

                public sealed class TypeTour
                {
                    [FlyteTask]
                    public (long count, string label) Scalars(long l, int i, short s, byte b, double d, float f, string text, bool flag, DateTime at, DateTimeOffset when, TimeSpan span) =>
                        (l, text);

                    [FlyteTask]
                    public (int?, string?) Optionals(int? maybe, string? note, Color? color, List<int?>? values) => (maybe, note);

                    [FlyteTask]
                    public Dictionary<string, List<Color>> Collections(int[] array, List<string> list, IReadOnlyList<double> readOnly, IEnumerable<bool> sequence, IList<long> ilist, ICollection<byte> collection, IReadOnlyCollection<short> readOnlyCollection, Dictionary<string, int> map, IReadOnlyDictionary<string, string[]> nested, IDictionary<string, TimeSpan> idictionary) =>
                        new();

                    [FlyteTask]
                    public Task<FlyteDirectory<Parquet>> Blobs(FlyteFile any, FlyteFile<Csv> csv, FlyteDirectory folder, FlyteFile<Csv>? optionalCsv, List<FlyteFile<Parquet>> parts) =>
                        Task.FromResult(new FlyteDirectory<Parquet>("out"));

                    [FlyteTask]
                    public Color Enum(Color color, Color fallback = Color.Green) => color;

                    [FlyteTask]
                    public int Defaults(string text = "a \"quoted\"\n text", long big = 1L << 40, double ratio = 0.1, float half = 0.5f, bool yes = true, DateTime? when = null, Color? color = Color.Blue) => 0;
                }
            }
            """;

        var run = GeneratorHarness.Run(source).AssertClean();
        GoldenFile.Verify(run.Source("Catalog.TypeTour.FlyteTasks.g.cs"));
    }

    [Fact]
    public void GlobalNamespaceAndNestedClass()
    {
        const string source = """
            using FlyteSharp;

            public class GlobalTasks
            {
                [FlyteTask]
                public int Twice(int @in) => 2 * @in;
            }

            namespace Outer
            {
                public static class Container
                {
                    public sealed class NestedTasks
                    {
                        [FlyteTask]
                        public string Echo(string @string) => @string;
                    }
                }
            }
            """;

        var run = GeneratorHarness.Run(source).AssertClean();
        GoldenFile.Verify(run.Source("GlobalTasks.FlyteTasks.g.cs"), "GlobalNamespace");
        GoldenFile.Verify(run.Source("Outer.Container+NestedTasks.FlyteTasks.g.cs"), "NestedClass");
    }

    [Fact]
    public void Registration()
    {
        const string first = """
            using FlyteSharp;

            namespace Zeta
            {
                public sealed class ZetaTasks
                {
                    [FlyteTask]
                    public int One() => 1;
                }
            }
            """;
        const string second = """
            using FlyteSharp;

            namespace Alpha
            {
                public static class AlphaTasks
                {
                    [FlyteTask]
                    public static int Two() => 2;
                }
            }
            """;

        var run = GeneratorHarness.Run(first, second).AssertClean();
        GoldenFile.Verify(run.Source("GeneratedFlyteTasks.g.cs"));
    }
}
