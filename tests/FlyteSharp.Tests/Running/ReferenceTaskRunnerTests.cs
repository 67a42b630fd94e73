using Datacatalog;
using Flyteidl.Core;
using FlyteSharp.Caching;
using FlyteSharp.Formats;
using FlyteSharp.Literals;
using FlyteSharp.Running;

namespace FlyteSharp.Tests.Running;

/// <summary>A descriptor with a <see cref="FlyteTaskDescriptor.Reference"/> is run hit-only against the reference's dataset.</summary>
public sealed class ReferenceTaskRunnerTests
{
    private static readonly FlyteTaskReference Remote = new("flytesnacks", "development", "tests.Sales.Report", "v3");

    [Fact]
    public async Task A_seeded_entry_in_the_reference_project_is_a_hit_and_nothing_executes()
    {
        using var fixture = new RunnerFixture();
        var task = ReferenceTask();
        var inputs = RunnerFixture.Inputs("emea");
        await fixture.SeedAsync(RemoteDataset(task), task, inputs, fixture.BlobLiteral(string.Empty));

        var executed = 0;
        var outputs = await fixture.Runner.RunAsync(task, inputs, _ => { executed++; return Task.FromResult(new LiteralMap()); }, TestContext.Current.CancellationToken);

        Assert.Equal(0, executed);
        var file = LiteralConverter.FromLiteral<FlyteFile<Csv>>(outputs.Literals["o0"]);
        Assert.Contains("foreign,7", await File.ReadAllTextAsync(file.LocalPath!, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var run = Assert.Single(fixture.Runs.All);
        Assert.Equal(CacheLookupStatus.Hit, run.Lookup);
    }

    [Fact]
    public async Task A_miss_is_a_clear_error_and_nothing_is_executed_or_written()
    {
        using var fixture = new RunnerFixture();
        var task = ReferenceTask();
        var inputs = RunnerFixture.Inputs("emea");
        var executed = 0;

        var error = await Assert.ThrowsAsync<FlyteReferenceTaskMissException>(() =>
            fixture.Runner.RunAsync(task, inputs, _ => { executed++; return Task.FromResult(new LiteralMap()); }, TestContext.Current.CancellationToken));

        Assert.Equal(0, executed);
        Assert.StartsWith(
            "reference task tests.Sales.Report (flytesnacks/development/tests.Sales.Report/v3) has no cached result for these inputs in the catalog",
            error.Message,
            StringComparison.Ordinal);
        Assert.EndsWith("; run it on the Flyte cluster first", error.Message, StringComparison.Ordinal);
        Assert.Equal(CacheTag.Compute(inputs, []), error.Tag);
        await Assert.ThrowsAsync<FlyteSharp.Catalog.CatalogException>(() =>
            fixture.Catalog.GetArtifactAsync(new GetArtifactRequest { Dataset = RemoteDataset(task), TagName = error.Tag }, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_entry_in_the_runners_own_project_does_not_count_for_a_reference_task()
    {
        using var fixture = new RunnerFixture();
        var task = ReferenceTask();
        var inputs = RunnerFixture.Inputs("emea");
        await fixture.SeedAsync(task, inputs, fixture.BlobLiteral(string.Empty));

        await Assert.ThrowsAsync<FlyteReferenceTaskMissException>(() =>
            fixture.Runner.RunAsync(task, inputs, _ => Task.FromResult(new LiteralMap()), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_rejected_entry_is_an_error_that_says_why()
    {
        using var fixture = new RunnerFixture();
        var task = ReferenceTask();
        var inputs = RunnerFixture.Inputs("emea");
        await fixture.SeedAsync(RemoteDataset(task), task, inputs, fixture.BlobLiteral("parquet"));

        var error = await Assert.ThrowsAsync<FlyteReferenceTaskMissException>(() =>
            fixture.Runner.RunAsync(task, inputs, _ => Task.FromResult(new LiteralMap()), TestContext.Current.CancellationToken));

        Assert.Contains("outputs.o0", error.Reason, StringComparison.Ordinal);
        Assert.Contains("parquet", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_cache_is_an_error_for_a_reference_task()
    {
        using var fixture = new RunnerFixture(options => options.Cache.Disabled = true);

        var error = await Assert.ThrowsAsync<FlyteReferenceTaskMissException>(() =>
            fixture.Runner.RunAsync(ReferenceTask(), RunnerFixture.Inputs("emea"), _ => Task.FromResult(new LiteralMap()), TestContext.Current.CancellationToken));

        Assert.Contains("Flyte:Cache:Disabled", error.Message, StringComparison.Ordinal);
    }

    private static FlyteTaskDescriptor ReferenceTask()
    {
        var local = RunnerFixture.CsvTask();
        return new FlyteTaskDescriptor(local.TaskName, local.Interface, true, local.CacheVersion, false, [], local.DatasetName, local.DatasetVersion)
        {
            Reference = Remote,
        };
    }

    private static DatasetID RemoteDataset(FlyteTaskDescriptor task) =>
        new() { Project = Remote.Project, Domain = Remote.Domain, Name = task.DatasetName, Version = task.DatasetVersion };
}
