using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Mathematics;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using FlyteSharp.Formats;
using Perfolizer.Horology;
using Perfolizer.Mathematics.OutlierDetection;

namespace FlyteSharp.Benchmarks;

/// <summary>
/// The latency of one cache hit of a 3-input task with a <c>FlyteFile&lt;Csv&gt;</c> output, as a generated client
/// sees it (encode inputs, tag, look up, validate, check the blob exists, decode), on the embedded catalog and over gRPC
/// on loopback to FlyteSharp's catalog server; beside the bare costs underneath, measured in the same run: the embedded
/// store's own <c>GetArtifact</c>, and a unary <c>GetArtifact</c> / <c>GetDataset</c> straight on the generated gRPC
/// client. Every measurement is one call (see <see cref="PerCallConfig"/>), so P50 and P99 are per-call percentiles.
/// </summary>
[Config(typeof(PerCallConfig))]
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CacheHitBenchmarks
{
    private CacheHitRig rig = null!;

    [GlobalSetup]
    public async Task SetupAsync() => rig = await CacheHitRig.StartAsync();

    [GlobalCleanup]
    public async Task CleanupAsync() => await rig.DisposeAsync();

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("embedded")]
    public async Task<Datacatalog.GetArtifactResponse> EmbeddedStoreGetArtifact() =>
        await rig.EmbeddedCatalog.GetArtifactAsync(rig.ArtifactRequest);

    [Benchmark]
    [BenchmarkCategory("embedded")]
    public Task<FlyteFile<Csv>> EmbeddedHit() => rig.HitAsync(rig.EmbeddedRunner);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("grpc")]
    public async Task<Datacatalog.GetArtifactResponse> BareGrpcGetArtifact() =>
        await rig.BareClient.GetArtifactAsync(rig.ArtifactRequest);

    [Benchmark]
    [BenchmarkCategory("grpc")]
    public async Task<Datacatalog.GetDatasetResponse> BareGrpcGetDataset() =>
        await rig.BareClient.GetDatasetAsync(rig.DatasetRequest);

    [Benchmark]
    [BenchmarkCategory("grpc")]
    public Task<FlyteFile<Csv>> GrpcHit() => rig.HitAsync(rig.GrpcRunner);
}

/// <summary>
/// 10,000 cache hits by 32 concurrent callers sharing one runner (one service provider), on each catalog. One
/// measurement is the whole batch; Mean is per hit (the batch time / 10,000), P50 and P99 are of the batch time.
/// </summary>
[Config(typeof(BatchConfig))]
public class ConcurrentCacheHitBenchmarks
{
    private const int Lookups = 10_000;
    private const int Callers = 32;

    private CacheHitRig rig = null!;

    [Params("embedded", "grpc")]
    public string Catalog { get; set; } = "embedded";

    [GlobalSetup]
    public async Task SetupAsync() => rig = await CacheHitRig.StartAsync();

    [GlobalCleanup]
    public async Task CleanupAsync() => await rig.DisposeAsync();

    [Benchmark(OperationsPerInvoke = Lookups)]
    public async Task TenThousandHitsAtConcurrency32()
    {
        var runner = Catalog == "grpc" ? rig.GrpcRunner : rig.EmbeddedRunner;
        var remaining = Lookups;
        var callers = new Task[Callers];
        for (var i = 0; i < Callers; i++)
        {
            callers[i] = Task.Run(async () =>
            {
                while (Interlocked.Decrement(ref remaining) >= 0)
                {
                    await rig.HitAsync(runner);
                }
            });
        }

        await Task.WhenAll(callers);
    }
}

/// <summary>
/// One call per measurement, many measurements, no outlier removal: the distribution BenchmarkDotNet reports is then
/// that of single calls, tail included, and P50/P99 mean what they say. A mutator, so it applies to whatever job is
/// chosen on the command line (<c>--job short</c> keeps its single launch).
/// </summary>
public sealed class PerCallConfig : ManualConfig
{
    public PerCallConfig()
    {
        AddJob(Job.Default
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithWarmupCount(300)
            .WithIterationCount(2000)
            .WithOutlierMode(OutlierMode.DontRemove)
            .WithGcForce(false)
            .AsMutator());
        AddColumn(StatisticColumn.P50, StatisticColumn.P95, new PercentileColumn(99));
    }
}

/// <summary>Fifteen measured batches after two warm-up batches, tail kept.</summary>
public sealed class BatchConfig : ManualConfig
{
    public BatchConfig()
    {
        AddJob(Job.Default
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithWarmupCount(2)
            .WithIterationCount(15)
            .WithOutlierMode(OutlierMode.DontRemove)
            .WithGcForce(false)
            .AsMutator());
        AddColumn(StatisticColumn.P50, new PercentileColumn(99));
    }
}

/// <summary>
/// A percentile BenchmarkDotNet has no ready column for (it ships P0…P100 in coarser steps, without P99), from the
/// same statistics as its own columns.
/// </summary>
public sealed class PercentileColumn(int percentile) : IColumn
{
    public string Id => "Percentile.P" + percentile;

    public string ColumnName => "P" + percentile;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Statistics;

    public int PriorityInCategory => percentile;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Time;

    public string Legend => $"Percentile {percentile}: {percentile}% of the measurements took at most this long";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        if (statistics is null)
        {
            return "NA";
        }

        var nanoseconds = statistics.Percentiles.Percentile(percentile);
        var unit = style.TimeUnit ?? TimeUnit.GetBestTimeUnit(nanoseconds);
        var value = TimeInterval.FromNanoseconds(nanoseconds).ToUnit(unit).ToString("N3", style.CultureInfo);
        return style.PrintUnitsInContent ? value + " " + unit.Abbreviation : value;
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
