using static FlyteSharp.Generator.Tests.Diagnostics.DiagnosticTestSupport;

namespace FlyteSharp.Generator.Tests.Diagnostics;

/// <summary>FLYTE020-FLYTE025: the cache settings of <c>[FlyteTask]</c>. Each: it fires, and it does not.</summary>
public sealed class CacheDiagnosticTests
{
    [Fact]
    public void FLYTE020_fires_on_cache_without_a_version()
    {
        var diagnostics = Expect("""
            public sealed class T
            {
                [FlyteTask(Cache = {|FLYTE020:true|})] public int Run(int x) => x;
                [FlyteTask(Cache = {|FLYTE020:true|}, CacheVersion = null)] public int Walk(int x) => x;
            }
            """);

        Assert.StartsWith("Task 'T.Run' sets Cache = true without a CacheVersion", diagnostics.OrderBy(d => d.Location.SourceSpan.Start).First().GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void FLYTE020_does_not_fire_on_cache_with_a_version() => ExpectNone("""
        public sealed class T
        {
            [FlyteTask(Cache = true, CacheVersion = "1")] public int Run(int x) => x;
        }
        """);

    [Fact]
    public void FLYTE021_fires_on_an_empty_or_whitespace_version() => Expect("""
        public sealed class T
        {
            [FlyteTask(Cache = true, CacheVersion = {|FLYTE021:""|})] public int Run(int x) => x;
            [FlyteTask(Cache = true, CacheVersion = {|FLYTE021:" \t "|})] public int Walk(int x) => x;
        }
        """);

    [Fact]
    public void FLYTE021_does_not_fire_on_a_version_with_surrounding_spaces()
    {
        // Flyte trims spaces from the version when it builds the dataset version; what is left is not empty.
        var run = ExpectNone("""
            public sealed class T
            {
                [FlyteTask(Cache = true, CacheVersion = " 1.2 ")] public int Run(int x) => x;
            }
            """);

        Assert.Contains("public const string RunCacheVersion = \" 1.2 \";", run.Source("T.FlyteTasks.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void FLYTE022_fires_on_an_ignored_input_that_is_not_an_input()
    {
        var diagnostics = Expect("""
            public sealed class T
            {
                [FlyteTask(Cache = true, CacheVersion = "1", CacheIgnoreInputs = new[] { "seed", {|FLYTE022:"Seed"|} })]
                public int Run(int x, int seed) => x;

                [FlyteTask(Cache = true, CacheVersion = "1", CacheIgnoreInputs = [{|FLYTE022:"cancellationToken"|}])]
                public Task<int> Walk(int x, CancellationToken cancellationToken) => Task.FromResult(x);

                [FlyteTask(Cache = true, CacheVersion = "1", CacheIgnoreInputs = new string[] { {|FLYTE022:"x"|} })]
                public int Stand() => 0;
            }
            """);

        var messages = diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal("CacheIgnoreInputs of task 'T.Run' names 'Seed', which is not an input; inputs are: x, seed", messages[0]);
        Assert.EndsWith("inputs are: x", messages[1]);
        Assert.EndsWith("inputs are: (none)", messages[2]);
    }

    [Fact]
    public void FLYTE022_does_not_fire_on_ignored_inputs_that_exist()
    {
        var run = ExpectNone("""
            public sealed class T
            {
                [FlyteTask(Cache = true, CacheVersion = "1", CacheIgnoreInputs = ["seed", "seed", "requestId"])]
                public int Run(int x, int seed, string requestId) => x;
            }
            """);

        Assert.Contains("cacheIgnoreInputs: new string[] { \"seed\", \"requestId\" },", run.Source("T.FlyteTasks.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void FLYTE023_fires_on_serialize_without_cache() => Expect("""
        public sealed class T
        {
            [FlyteTask(CacheSerialize = {|FLYTE023:true|})] public int Run(int x) => x;
        }
        """);

    [Fact]
    public void FLYTE023_does_not_fire_on_serialize_with_cache_or_false() => ExpectNone("""
        public sealed class T
        {
            [FlyteTask(Cache = true, CacheVersion = "1", CacheSerialize = true)] public int Run(int x) => x;
            [FlyteTask(CacheSerialize = false)] public int Walk(int x) => x;
        }
        """);

    [Fact]
    public void FLYTE024_fires_on_ignored_inputs_without_cache() => Expect("""
        public sealed class T
        {
            [FlyteTask(CacheIgnoreInputs = {|FLYTE024:new[] { "x" }|})] public int Run(int x) => x;
        }
        """);

    [Fact]
    public void FLYTE024_does_not_fire_on_ignored_inputs_with_cache() => ExpectNone("""
        public sealed class T
        {
            [FlyteTask(Cache = true, CacheVersion = "1", CacheIgnoreInputs = new[] { "x" })] public int Run(int x, int y) => x + y;
        }
        """);

    [Fact]
    public void FLYTE025_warns_on_a_version_without_cache_and_still_generates_the_task()
    {
        var parsed = Infrastructure.DiagnosticMarkup.Parse(Usings + """
            public sealed class T
            {
                [FlyteTask(CacheVersion = {|FLYTE025:"1"|})] public int Run(int x) => x;
            }
            """);
        var run = Infrastructure.GeneratorHarness.Run(Infrastructure.GeneratorHarness.Compile((FileName, parsed.Source)));

        var warning = Assert.Single(parsed.AssertReported(run.GeneratorDiagnostics, FileName));
        // A warning by default; the test compilation, like this repository, treats warnings as errors.
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, warning.DefaultSeverity);
        run.AssertCompiles();
        var generated = run.Source("T.FlyteTasks.g.cs");
        Assert.Contains("cache: false,", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("RunCacheVersion", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void FLYTE025_does_not_fire_without_a_version() => ExpectNone("""
        public sealed class T
        {
            [FlyteTask] public int Run(int x) => x;
        }
        """);

    [Fact]
    public void FLYTE026_warns_on_a_version_policy_without_cache()
    {
        var parsed = Infrastructure.DiagnosticMarkup.Parse(Usings + """
            public sealed class T
            {
                [FlyteTask(CacheVersionPolicy = {|FLYTE026:CacheVersionPolicy.FunctionBody|})] public int Run(int x) => x;
            }
            """);
        var run = Infrastructure.GeneratorHarness.Run(Infrastructure.GeneratorHarness.Compile((FileName, parsed.Source)));

        var warning = Assert.Single(parsed.AssertReported(run.GeneratorDiagnostics, FileName));
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, warning.DefaultSeverity);
        run.AssertCompiles();
        Assert.DoesNotContain("RunCacheVersion", run.Source("T.FlyteTasks.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void FLYTE026_does_not_fire_with_cache_and_FLYTE020_does_not_fire_without_a_written_version() => ExpectNone("""
        public sealed class T
        {
            [FlyteTask(Cache = true, CacheVersionPolicy = CacheVersionPolicy.FunctionBody)] public int Run(int x) => x;
            [FlyteTask(CacheVersionPolicy = CacheVersionPolicy.Explicit)] public int Walk(int x) => x;
        }
        """);
}
