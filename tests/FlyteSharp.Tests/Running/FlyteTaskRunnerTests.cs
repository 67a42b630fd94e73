using Datacatalog;
using Flyteidl.Core;
using FlyteSharp.Caching;
using FlyteSharp.Catalog;
using FlyteSharp.Catalog.Embedded;
using FlyteSharp.Configuration;
using FlyteSharp.Formats;
using FlyteSharp.Literals;
using FlyteSharp.Running;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Flyteidl.Core.BlobType.Types;

namespace FlyteSharp.Tests.Running;

public sealed class FlyteTaskRunnerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_miss_executes_and_stores_then_the_same_inputs_hit_without_executing()
    {
        using var fixture = new RunnerFixture();
        var task = RunnerFixture.CsvTask();

        var first = await fixture.RunAsync(task, RunnerFixture.Inputs("eu"), cancellationToken: Ct);
        var second = await fixture.RunAsync(task, RunnerFixture.Inputs("eu"), cancellationToken: Ct);

        Assert.Equal(1, fixture.Executions);
        Assert.Equal(first, second);
        Assert.Equal((CacheLookupStatus.Miss, CachePutStatus.Stored, true), (fixture.Runs.All[0].Lookup, fixture.Runs.All[0].Put, fixture.Runs.All[0].Executed));
        Assert.Equal((CacheLookupStatus.Hit, CachePutStatus.None, false), (fixture.Runs.Last.Lookup, fixture.Runs.Last.Put, fixture.Runs.Last.Executed));
        Assert.Equal(CacheTag.Compute(RunnerFixture.Inputs("eu")), fixture.Runs.Last.Tag);
        Assert.Equal(task.DatasetVersion, fixture.Runs.Last.DatasetVersion);
    }

    [Fact]
    public async Task Different_inputs_miss_but_ignored_inputs_do_not_change_the_key()
    {
        using var fixture = new RunnerFixture();
        var task = RunnerFixture.CsvTask(ignore: "run");

        await fixture.RunAsync(task, RunnerFixture.Inputs("eu", run: 1), cancellationToken: Ct);
        await fixture.RunAsync(task, RunnerFixture.Inputs("eu", run: 2), cancellationToken: Ct);
        await fixture.RunAsync(task, RunnerFixture.Inputs("us", run: 1), cancellationToken: Ct);

        Assert.Equal(2, fixture.Executions);
        Assert.Equal([CacheLookupStatus.Miss, CacheLookupStatus.Hit, CacheLookupStatus.Miss], fixture.Runs.All.Select(r => r.Lookup));
    }

    [Fact]
    public async Task Outputs_are_copied_to_durable_raw_storage_before_they_are_cached()
    {
        using var fixture = new RunnerFixture();
        var outputs = await fixture.RunAsync(RunnerFixture.CsvTask(), RunnerFixture.Inputs("eu"), cancellationToken: Ct);

        var file = LiteralConverter.FromLiteral<FlyteFile<Csv>>(outputs.Literals["o0"]);
        Assert.StartsWith(fixture.Options.RawOutputPrefix, file.LocalPath!, StringComparison.Ordinal);
        Assert.Equal("region,total\neu,42\n", await File.ReadAllTextAsync(file.LocalPath!, Ct));

        // The scratch file the body wrote can go away: the cached entry does not point at it.
        foreach (var scratch in fixture.Root.GetDirectories("scratch-*"))
        {
            scratch.Delete(recursive: true);
        }

        var again = await fixture.RunAsync(RunnerFixture.CsvTask(), RunnerFixture.Inputs("eu"), cancellationToken: Ct);
        Assert.Equal(CacheLookupStatus.Hit, fixture.Runs.Last.Lookup);
        Assert.Equal(outputs, again);
    }

    [Fact]
    public async Task A_cached_blob_with_no_format_is_a_hit_for_a_csv_output_the_lenient_blob_rule()
    {
        using var fixture = new RunnerFixture();
        var task = RunnerFixture.CsvTask();
        var foreign = fixture.BlobLiteral(format: "");
        await fixture.SeedAsync(task, RunnerFixture.Inputs("eu"), foreign);

        var outputs = await fixture.RunAsync(task, RunnerFixture.Inputs("eu"), cancellationToken: Ct);

        Assert.Equal(0, fixture.Executions);
        Assert.Equal(CacheLookupStatus.Hit, fixture.Runs.Last.Lookup);
        Assert.Equal(foreign, outputs.Literals["o0"]);
        Assert.Equal("region,total\nforeign,7\n", await File.ReadAllTextAsync(LiteralConverter.FromLiteral<FlyteFile<Csv>>(outputs.Literals["o0"]).LocalPath!, Ct));
    }

    [Fact]
    public async Task A_cached_parquet_blob_for_a_csv_output_is_rejected_with_the_path_and_replaced()
    {
        using var fixture = new RunnerFixture();
        var task = RunnerFixture.CsvTask();
        await fixture.SeedAsync(task, RunnerFixture.Inputs("eu"), fixture.BlobLiteral(format: "parquet"));

        await fixture.RunAsync(task, RunnerFixture.Inputs("eu"), cancellationToken: Ct);
        var rejected = fixture.Runs.Last;
        await fixture.RunAsync(task, RunnerFixture.Inputs("eu"), cancellationToken: Ct);

        Assert.Equal((CacheLookupStatus.Rejected, CachePutStatus.Replaced, true), (rejected.Lookup, rejected.Put, rejected.Executed));
        Assert.Contains("outputs.o0", rejected.Reason, StringComparison.Ordinal);
        Assert.Contains("parquet", rejected.Reason, StringComparison.Ordinal);
        Assert.Contains("csv", rejected.Reason, StringComparison.Ordinal);
        Assert.Equal(CacheLookupStatus.Hit, fixture.Runs.Last.Lookup);
        Assert.Equal(1, fixture.Executions);
    }

    [Fact]
    public async Task A_cached_directory_never_satisfies_a_file_output()
    {
        using var fixture = new RunnerFixture();
        var task = RunnerFixture.CsvTask();
        await fixture.SeedAsync(task, RunnerFixture.Inputs("eu"), fixture.BlobLiteral(format: "csv", BlobDimensionality.Multipart));

        await fixture.RunAsync(task, RunnerFixture.Inputs("eu"), cancellationToken: Ct);

        Assert.Equal(CacheLookupStatus.Rejected, fixture.Runs.Last.Lookup);
        Assert.Contains("MULTIPART", fixture.Runs.Last.Reason, StringComparison.Ordinal);
        Assert.Equal(1, fixture.Executions);
    }

    [Fact]
    public async Task A_missing_output_is_rejected_by_name()
    {
        using var fixture = new RunnerFixture();
        var task = RunnerFixture.CsvTask();
        var dataset = fixture.Dataset(task);
        await fixture.Catalog.CreateDatasetAsync(new CreateDatasetRequest { Dataset = new Dataset { Id = dataset } }, Ct);
        var artifact = new Artifact { Id = "a1", Dataset = dataset, Data = { new ArtifactData { Name = "other", Value = LiteralConverter.ToLiteral(1L) } } };
        await fixture.Catalog.CreateArtifactAsync(new CreateArtifactRequest { Artifact = artifact }, Ct);
        await fixture.Catalog.AddTagAsync(new AddTagRequest { Tag = new Tag { Name = CacheTag.Compute(RunnerFixture.Inputs("eu")), ArtifactId = "a1", Dataset = dataset } }, Ct);

        await fixture.RunAsync(task, RunnerFixture.Inputs("eu"), cancellationToken: Ct);

        Assert.Equal(CacheLookupStatus.Rejected, fixture.Runs.Last.Lookup);
        Assert.StartsWith("outputs.o0: missing", fixture.Runs.Last.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cached_file_that_was_deleted_is_a_miss_and_the_entry_is_replaced()
    {
        using var fixture = new RunnerFixture();
        var task = RunnerFixture.CsvTask();
        var first = await fixture.RunAsync(task, RunnerFixture.Inputs("eu"), cancellationToken: Ct);
        File.Delete(LiteralConverter.FromLiteral<FlyteFile<Csv>>(first.Literals["o0"]).LocalPath!);

        var second = await fixture.RunAsync(task, RunnerFixture.Inputs("eu"), cancellationToken: Ct);
        var replaced = fixture.Runs.Last;
        await fixture.RunAsync(task, RunnerFixture.Inputs("eu"), cancellationToken: Ct);

        Assert.Equal((CacheLookupStatus.Rejected, CachePutStatus.Replaced), (replaced.Lookup, replaced.Put));
        Assert.Contains("no longer exists", replaced.Reason, StringComparison.Ordinal);
        Assert.True(File.Exists(LiteralConverter.FromLiteral<FlyteFile<Csv>>(second.Literals["o0"]).LocalPath!));
        Assert.Equal(CacheLookupStatus.Hit, fixture.Runs.Last.Lookup);
        Assert.Equal(2, fixture.Executions);
    }

    [Fact]
    public async Task Corrupt_artifact_bytes_are_a_rejected_entry_not_a_crash_and_get_replaced()
    {
        using var fixture = new RunnerFixture();
        var task = RunnerFixture.CsvTask();
        await fixture.RunAsync(task, RunnerFixture.Inputs("eu"), cancellationToken: Ct);
        await CorruptAllArtifactDataAsync(fixture.Options.Catalog.Path);

        await fixture.RunAsync(task, RunnerFixture.Inputs("eu"), cancellationToken: Ct);
        var corrupt = fixture.Runs.Last;
        await fixture.RunAsync(task, RunnerFixture.Inputs("eu"), cancellationToken: Ct);

        Assert.Equal((CacheLookupStatus.Rejected, CachePutStatus.Replaced), (corrupt.Lookup, corrupt.Put));
        Assert.Contains("corrupt", corrupt.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(CacheLookupStatus.Hit, fixture.Runs.Last.Lookup);
        Assert.Equal(2, fixture.Executions);
    }

    [Fact]
    public async Task Entries_older_than_the_maximum_cache_age_are_misses()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var fixture = new RunnerFixture(o => o.Cache.MaxAge = TimeSpan.FromHours(1), s => s.AddSingleton<TimeProvider>(clock));
        var task = RunnerFixture.CsvTask();
        await fixture.RunAsync(task, RunnerFixture.Inputs("eu"), cancellationToken: Ct);
        clock.Advance(TimeSpan.FromMinutes(59));
        await fixture.RunAsync(task, RunnerFixture.Inputs("eu"), cancellationToken: Ct);
        Assert.Equal(CacheLookupStatus.Hit, fixture.Runs.Last.Lookup);

        clock.Advance(TimeSpan.FromMinutes(2));
        await fixture.RunAsync(task, RunnerFixture.Inputs("eu"), cancellationToken: Ct);

        Assert.Equal(CacheLookupStatus.Rejected, fixture.Runs.Last.Lookup);
        Assert.Contains("older than the maximum cache age", fixture.Runs.Last.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overwrite_mode_skips_the_read_and_replaces_the_entry()
    {
        using var fixture = new RunnerFixture(o => o.Cache.Overwrite = true);
        var task = RunnerFixture.CsvTask();

        await fixture.RunAsync(task, RunnerFixture.Inputs("eu"), cancellationToken: Ct);
        await fixture.RunAsync(task, RunnerFixture.Inputs("eu"), cancellationToken: Ct);

        Assert.Equal(2, fixture.Executions);
        Assert.Equal([(CacheLookupStatus.Skipped, CachePutStatus.Stored), (CacheLookupStatus.Skipped, CachePutStatus.Replaced)], fixture.Runs.All.Select(r => (r.Lookup, r.Put)));
    }

    [Fact]
    public async Task Uncached_tasks_and_disabled_caching_always_execute_and_touch_no_catalog()
    {
        using var fixture = new RunnerFixture(o => o.Catalog.Path = Path.Combine("/proc", "no-such-dir", "catalog.db"));
        await fixture.RunAsync(RunnerFixture.CsvTask(cache: false), RunnerFixture.Inputs("eu"), cancellationToken: Ct);
        await fixture.RunAsync(RunnerFixture.CsvTask(cache: false), RunnerFixture.Inputs("eu"), cancellationToken: Ct);

        Assert.Equal(2, fixture.Executions);
        Assert.All(fixture.Runs.All, run => Assert.Equal(CacheLookupStatus.Disabled, run.Lookup));
    }

    [Fact]
    public async Task When_the_catalog_is_down_the_task_still_runs_and_strict_mode_throws()
    {
        var closedPort = ClosedLoopbackPort();
        using var failOpen = new RunnerFixture(o => { o.Catalog.Endpoint = $"http://127.0.0.1:{closedPort}"; o.Catalog.CallTimeout = TimeSpan.FromSeconds(2); });
        var outputs = await failOpen.RunAsync(RunnerFixture.CsvTask(), RunnerFixture.Inputs("eu"), cancellationToken: Ct);
        Assert.True(outputs.Literals.ContainsKey("o0"));
        Assert.Equal(CacheLookupStatus.CatalogFailed, failOpen.Runs.Last.Lookup);
        Assert.Contains("lookup", failOpen.Runs.Last.Reason, StringComparison.Ordinal);

        using var strict = new RunnerFixture(o =>
        {
            o.Catalog.Endpoint = $"http://127.0.0.1:{closedPort}";
            o.Catalog.CallTimeout = TimeSpan.FromSeconds(2);
            o.Cache.OnCatalogFailure = CatalogFailurePolicy.Strict;
        });
        var error = await Assert.ThrowsAsync<CatalogException>(() => strict.RunAsync(RunnerFixture.CsvTask(), RunnerFixture.Inputs("eu"), cancellationToken: Ct));
        Assert.Equal(CatalogErrorCode.Unavailable, error.Code);
        Assert.Contains("Strict", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, strict.Executions);
    }

    [Fact]
    public async Task Cancellation_stops_the_run_and_stores_nothing()
    {
        using var fixture = new RunnerFixture();
        var task = RunnerFixture.CsvTask();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.RunAsync(task, RunnerFixture.Inputs("eu"), TimeSpan.FromSeconds(30), cancel.Token));
        await Assert.ThrowsAsync<CatalogException>(() => fixture.Catalog.GetArtifactAsync(new GetArtifactRequest { Dataset = fixture.Dataset(task), TagName = CacheTag.Compute(RunnerFixture.Inputs("eu")) }, Ct));
        Assert.Empty(fixture.Runs.All);
    }

    [Fact]
    public async Task Two_identical_concurrent_calls_both_return_correct_outputs_and_one_entry_wins()
    {
        using var fixture = new RunnerFixture();
        var task = RunnerFixture.CsvTask();

        var results = await Task.WhenAll(
            fixture.RunAsync(task, RunnerFixture.Inputs("eu"), TimeSpan.FromMilliseconds(200), Ct),
            fixture.RunAsync(task, RunnerFixture.Inputs("eu"), TimeSpan.FromMilliseconds(200), Ct));

        foreach (var result in results)
        {
            Assert.Equal("region,total\neu,42\n", await File.ReadAllTextAsync(LiteralConverter.FromLiteral<FlyteFile<Csv>>(result.Literals["o0"]).LocalPath!, Ct));
        }

        Assert.Equal(2, fixture.Executions);
        Assert.Equal([CachePutStatus.Stored, CachePutStatus.AlreadyStored], fixture.Runs.All.Select(r => r.Put).Order());
        var tagged = await fixture.Catalog.GetArtifactAsync(new GetArtifactRequest { Dataset = fixture.Dataset(task), TagName = CacheTag.Compute(RunnerFixture.Inputs("eu")) }, Ct);
        Assert.Contains(tagged.Artifact.Data[0].Value, results.Select(r => r.Literals["o0"]));
    }

    [Fact]
    public async Task With_cache_serialize_exactly_one_of_several_concurrent_calls_executes()
    {
        using var fixture = new RunnerFixture();
        var task = RunnerFixture.CsvTask(serialize: true);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => fixture.RunAsync(task, RunnerFixture.Inputs("eu"), TimeSpan.FromMilliseconds(1000), Ct)));

        Assert.Equal(1, fixture.Executions);
        Assert.All(results, result => Assert.Equal(results[0], result));
        Assert.Equal(3, fixture.Runs.All.Count(r => r.Lookup == CacheLookupStatus.Hit));
    }

    [Fact]
    public async Task A_caller_that_reserves_after_the_owner_stored_its_result_takes_that_result_instead_of_running()
    {
        using var fixture = new RunnerFixture(services: s => s.AddSingleton<IDataCatalog>(
            provider => new FirstLookupMissesCatalog(new SqliteDataCatalog(provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<FlyteOptions>>().Value.Catalog.Path))));
        var task = RunnerFixture.CsvTask(serialize: true);
        var stored = fixture.BlobLiteral(format: "csv");
        await fixture.SeedAsync(task, RunnerFixture.Inputs("eu"), stored);

        var outputs = await fixture.RunAsync(task, RunnerFixture.Inputs("eu"), cancellationToken: Ct);

        Assert.Equal(0, fixture.Executions);
        Assert.Equal((CacheLookupStatus.Hit, false), (fixture.Runs.Last.Lookup, fixture.Runs.Last.Executed));
        Assert.Equal(stored, outputs.Literals["o0"]);
        // The reservation was given back: another caller can take it at once.
        var other = await fixture.Catalog.GetOrExtendReservationAsync(
            new GetOrExtendReservationRequest
            {
                ReservationId = new ReservationID { DatasetId = fixture.Dataset(task), TagName = CacheTag.Compute(RunnerFixture.Inputs("eu")) },
                OwnerId = "someone-else",
                HeartbeatInterval = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.FromSeconds(1)),
            },
            Ct);
        Assert.Equal("someone-else", other.Reservation.OwnerId);
    }

    private static async Task CorruptAllArtifactDataAsync(string databasePath)
    {
        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync();
        await using var find = connection.CreateCommand();
        find.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%artifact_data%'";
        var table = (string)(await find.ExecuteScalarAsync())!;
        await using var columns = connection.CreateCommand();
        columns.CommandText = $"SELECT name FROM pragma_table_info('{table}') WHERE type = 'BLOB'";
        var column = (string)(await columns.ExecuteScalarAsync())!;
        await using var corrupt = connection.CreateCommand();
        corrupt.CommandText = $"UPDATE {table} SET {column} = x'ffffffff0a'";
        Assert.True(await corrupt.ExecuteNonQueryAsync() > 0);
    }

    private static int ClosedLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
