using System.Diagnostics;
using System.Diagnostics.Metrics;
using Datacatalog;
using Flyteidl.Core;
using FlyteSharp.Configuration;
using FlyteSharp.Running;
using FlyteSharp.Telemetry;
using static Flyteidl.Core.BlobType.Types;

namespace FlyteSharp.Integration.Tests.Running;

/// <summary>
/// The seed scenario of FlyteSharp end to end, through the generated client of <see cref="ReportTasks"/>, the DI
/// registration a user writes and a real catalog: a <c>FlyteFile&lt;Csv&gt;</c> output cached as a blob of no format is
/// a hit (the lenient Blob rule), a "parquet" or MULTIPART one is rejected and replaced, a deleted file is re-made,
/// concurrent callers each get a correct result. Each subclass runs every scenario over one catalog.
/// </summary>
public abstract class CachedTaskScenarios : IAsyncLifetime
{
    private readonly List<ScenarioHost> hosts = [];

    protected CachedTaskScenarios()
    {
        Root = Directory.CreateTempSubdirectory("flytesharp-scenario-");
        Probe = new ReportProbe(Root.CreateSubdirectory("scratch"));
    }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A temp folder for the catalog, raw outputs and scratch files; deleted afterwards.</summary>
    protected DirectoryInfo Root { get; }

    /// <summary>What the task bodies do, shared by every host of the test.</summary>
    internal ReportProbe Probe { get; }

    /// <summary>Starts what the catalog needs (a server, for the gRPC catalog).</summary>
    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var host in hosts)
        {
            host.Dispose();
        }

        await DisposeCatalogAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Root.Delete(recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Points the options at the catalog under test.</summary>
    protected abstract void UseCatalog(FlyteOptions options);

    /// <summary>Stops what <see cref="InitializeAsync"/> started.</summary>
    protected virtual ValueTask DisposeCatalogAsync() => ValueTask.CompletedTask;

    /// <summary>How many reservation calls reached the catalog behind the runner, where the test can see them.</summary>
    protected virtual int? ReservationCallsSeen => null;

    /// <summary>A user's service provider over the catalog under test; every host of one test shares that catalog.</summary>
    internal ScenarioHost Host(Action<FlyteOptions>? configure = null)
    {
        var host = new ScenarioHost(Probe, options =>
        {
            options.RawOutputPrefix = Path.Combine(Root.FullName, "raw");
            options.Cache.ReservationHeartbeat = TimeSpan.FromMilliseconds(250);
            UseCatalog(options);
            configure?.Invoke(options);
        });
        hosts.Add(host);
        return host;
    }

    [Fact]
    public async Task A_miss_runs_the_task_and_stores_it_then_the_same_inputs_hit_without_running()
    {
        var host = Host();

        var first = await host.Tasks.ReportAsync("eu", 1, Ct);
        var second = await host.Tasks.ReportAsync("eu", 1, Ct);

        Assert.Equal(first, second);
        Assert.Equal(ReportProbe.ReportText("eu"), await File.ReadAllTextAsync(second.LocalPath!, Ct));
        Assert.Equal(1, Probe.Executions);
        Assert.Equal(
            [(CacheLookupStatus.Miss, CachePutStatus.Stored), (CacheLookupStatus.Hit, CachePutStatus.None)],
            host.Runs.All.Select(run => (run.Lookup, run.Put)));
        Assert.Equal(ReportTasksFlyte.ReportDatasetVersion, host.Runs.Last.DatasetVersion);
    }

    [Fact]
    public async Task A_cached_blob_with_no_format_is_a_hit_for_a_csv_file_output()
    {
        var host = Host();
        var foreign = ForeignBlob(format: string.Empty);
        await host.SeedReportAsync("eu", 1, foreign, Ct);

        var file = await host.Tasks.ReportAsync("eu", 1, Ct);

        Assert.Equal(0, Probe.Executions);
        Assert.Equal(CacheLookupStatus.Hit, host.Runs.Last.Lookup);
        Assert.Equal(foreign.Scalar.Blob.Uri, file.Uri.AbsoluteUri);
        Assert.Equal("csv", file.Format);
        Assert.Equal(ForeignText, await File.ReadAllTextAsync(file.LocalPath!, Ct));
    }

    [Fact]
    public async Task A_cached_parquet_blob_is_rejected_with_the_reason_and_replaced_so_the_next_call_hits()
    {
        var host = Host();
        await host.SeedReportAsync("eu", 1, ForeignBlob(format: "parquet"), Ct);

        var fresh = await host.Tasks.ReportAsync("eu", 1, Ct);
        var rejected = host.Runs.Last;
        var again = await host.Tasks.ReportAsync("eu", 1, Ct);

        Assert.Equal((CacheLookupStatus.Rejected, CachePutStatus.Replaced, true), (rejected.Lookup, rejected.Put, rejected.Executed));
        Assert.Equal("outputs.o0: blob{format:\"parquet\"} is not castable to blob{format:\"csv\"}", rejected.Reason);
        Assert.Equal(ReportProbe.ReportText("eu"), await File.ReadAllTextAsync(fresh.LocalPath!, Ct));
        Assert.Equal(CacheLookupStatus.Hit, host.Runs.Last.Lookup);
        Assert.Equal(fresh, again);
        Assert.Equal(1, Probe.Executions);
        var replaced = (await host.ReportEntryAsync("eu", 1, Ct)).Data.Single().Value.Scalar.Blob;
        Assert.Equal(("csv", fresh.Uri.AbsoluteUri), (replaced.Metadata.Type.Format, replaced.Uri));
    }

    [Fact]
    public async Task A_cached_multipart_blob_is_rejected_for_a_file_output_and_replaced()
    {
        var host = Host();
        await host.SeedReportAsync("eu", 1, ForeignBlob(format: "csv", BlobDimensionality.Multipart), Ct);

        await host.Tasks.ReportAsync("eu", 1, Ct);
        var rejected = host.Runs.Last;
        await host.Tasks.ReportAsync("eu", 1, Ct);

        Assert.Equal((CacheLookupStatus.Rejected, CachePutStatus.Replaced), (rejected.Lookup, rejected.Put));
        Assert.Contains("outputs.o0", rejected.Reason, StringComparison.Ordinal);
        Assert.Contains("MULTIPART", rejected.Reason, StringComparison.Ordinal);
        Assert.Equal(CacheLookupStatus.Hit, host.Runs.Last.Lookup);
        Assert.Equal(1, Probe.Executions);
    }

    [Fact]
    public async Task A_deleted_cached_file_is_a_miss_that_runs_again_and_replaces_the_entry()
    {
        var host = Host();
        var first = await host.Tasks.ReportAsync("eu", 1, Ct);
        File.Delete(first.LocalPath!);

        var second = await host.Tasks.ReportAsync("eu", 1, Ct);
        var replaced = host.Runs.Last;
        var third = await host.Tasks.ReportAsync("eu", 1, Ct);

        Assert.Equal((CacheLookupStatus.Rejected, CachePutStatus.Replaced, true), (replaced.Lookup, replaced.Put, replaced.Executed));
        Assert.Equal($"outputs.o0: the cached blob {first.Uri.AbsoluteUri} no longer exists", replaced.Reason);
        Assert.Equal(ReportProbe.ReportText("eu"), await File.ReadAllTextAsync(second.LocalPath!, Ct));
        Assert.Equal(CacheLookupStatus.Hit, host.Runs.Last.Lookup);
        Assert.Equal(second, third);
        Assert.Equal(2, Probe.Executions);
    }

    [Fact]
    public async Task Two_identical_concurrent_calls_both_return_correct_files_and_one_entry_wins()
    {
        var host = Host();
        Probe.Rendezvous = 2;

        var files = await Task.WhenAll(host.Tasks.ReportAsync("eu", 1, Ct), host.Tasks.ReportAsync("eu", 1, Ct));

        Assert.Equal(2, Probe.Executions);
        foreach (var file in files)
        {
            Assert.Equal(ReportProbe.ReportText("eu"), await File.ReadAllTextAsync(file.LocalPath!, Ct));
        }

        Assert.Equal([CachePutStatus.Stored, CachePutStatus.AlreadyStored], host.Runs.All.Select(run => run.Put).Order());
        var artifacts = (await host.Catalog.ListArtifactsAsync(new ListArtifactsRequest { Dataset = host.Dataset(ReportTasksFlyte.Report) }, Ct)).Artifacts;
        Assert.Equal(2, artifacts.Count);
        var winner = Assert.Single(artifacts, artifact => artifact.Tags.Count > 0);
        Assert.Equal((await host.ReportEntryAsync("eu", 1, Ct)).Id, winner.Id);

        var later = await host.Tasks.ReportAsync("eu", 1, Ct);
        Assert.Equal(CacheLookupStatus.Hit, host.Runs.Last.Lookup);
        Assert.Equal(files[0], later);
    }

    [Fact]
    public async Task With_CacheSerialize_exactly_one_of_four_concurrent_callers_runs_the_task()
    {
        var host = Host();
        Probe.Delay = TimeSpan.FromMilliseconds(400);

        var files = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => host.Tasks.SerializedReportAsync("eu", Ct)));

        Assert.Equal(1, Probe.Executions);
        Assert.All(files, file => Assert.Equal(files[0], file));
        Assert.Equal(ReportProbe.ReportText("eu"), await File.ReadAllTextAsync(files[0].LocalPath!, Ct));
        Assert.Equal(
            [(CacheLookupStatus.Hit, false), (CacheLookupStatus.Hit, false), (CacheLookupStatus.Hit, false), (CacheLookupStatus.Miss, true)],
            host.Runs.All.Select(run => (run.Lookup, run.Executed)).Order());
        if (ReservationCallsSeen is { } calls)
        {
            // The owner took one, each waiter asked at least once: every one of them went to the catalog.
            Assert.True(calls >= 4, $"{calls} reservation calls reached the catalog");
        }
    }

    [Fact]
    public async Task Every_run_is_one_span_with_its_cache_status_and_the_counters_move()
    {
        var host = Host();
        using var spans = new SpanRecorder(host.Telemetry);
        using var counters = new CounterRecorder(host.Telemetry);
        await host.SeedReportAsync("us", 1, ForeignBlob(format: "parquet"), Ct);

        await host.Tasks.ReportAsync("eu", 1, Ct);
        await host.Tasks.ReportAsync("eu", 1, Ct);
        await host.Tasks.ReportAsync("us", 1, Ct);

        Assert.Equal(
            [
                ("flyte.task " + ReportTasksFlyte.ReportTaskName, "Miss", "Stored"),
                ("flyte.task " + ReportTasksFlyte.ReportTaskName, "Hit", "None"),
                ("flyte.task " + ReportTasksFlyte.ReportTaskName, "Rejected", "Replaced"),
            ],
            spans.Completed.Select(span => (span.DisplayName, (string?)span.GetTagItem("flyte.cache.status"), (string?)span.GetTagItem("flyte.cache.put"))));
        Assert.All(spans.Completed, span => Assert.Equal(ReportTasksFlyte.ReportTaskName, span.GetTagItem("flyte.task.name")));
        Assert.Contains("parquet", (string?)spans.Completed[2].GetTagItem("flyte.cache.reason"), StringComparison.Ordinal);

        Assert.Equal(1, counters.Total("flytesharp.cache.hits"));
        Assert.Equal(2, counters.Total("flytesharp.cache.misses"));
        Assert.Equal(2, counters.Total("flytesharp.cache.puts"));
        Assert.Equal(1, counters.Total("flytesharp.cache.rejections", ("reason", "incompatible-type")));
        Assert.Equal(0, counters.Total("flytesharp.cache.put_failures"));
    }

    /// <summary>Content of the file behind <see cref="ForeignBlob"/>.</summary>
    protected const string ForeignText = "region,total\nforeign,7\n";

    /// <summary>A blob literal as a foreign producer writes it, pointing at a real file of its own.</summary>
    protected Literal ForeignBlob(string format, BlobDimensionality dimensionality = BlobDimensionality.Single)
    {
        var path = Path.Combine(Root.CreateSubdirectory("foreign").FullName, Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, ForeignText);
        return new Literal
        {
            Scalar = new Scalar
            {
                Blob = new Blob
                {
                    Uri = new Uri(path).AbsoluteUri,
                    Metadata = new BlobMetadata { Type = new BlobType { Format = format, Dimensionality = dimensionality } },
                },
            },
        };
    }

    /// <summary>The spans of one host's ActivitySource (named FlyteSharp), whatever other tests run in parallel.</summary>
    private sealed class SpanRecorder : IDisposable
    {
        private readonly ActivityListener listener;
        private readonly List<Activity> completed = [];

        public SpanRecorder(FlyteTelemetry telemetry)
        {
            listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == FlyteTelemetry.Name && ReferenceEquals(source, telemetry.ActivitySource),
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    lock (completed)
                    {
                        completed.Add(activity);
                    }
                },
            };
            ActivitySource.AddActivityListener(listener);
        }

        public IReadOnlyList<Activity> Completed
        {
            get
            {
                lock (completed)
                {
                    return [.. completed];
                }
            }
        }

        public void Dispose() => listener.Dispose();
    }

    /// <summary>The measurements of one host's counters (meter FlyteSharp).</summary>
    private sealed class CounterRecorder : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly List<(string Instrument, long Value, KeyValuePair<string, object?>[] Tags)> measurements = [];

        public CounterRecorder(FlyteTelemetry telemetry)
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == FlyteTelemetry.Name && ReferenceEquals(instrument.Meter, telemetry.Meter))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            {
                lock (measurements)
                {
                    measurements.Add((instrument.Name, value, tags.ToArray()));
                }
            });
            listener.Start();
        }

        public long Total(string instrument, params (string Key, string Value)[] tags)
        {
            lock (measurements)
            {
                return measurements
                    .Where(m => m.Instrument == instrument && tags.All(tag => m.Tags.Any(t => t.Key == tag.Key && Equals(t.Value, tag.Value))))
                    .Sum(m => m.Value);
            }
        }

        public void Dispose() => listener.Dispose();
    }
}
