using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FlyteSharp.Telemetry;

/// <summary>
/// The ActivitySource and Meter FlyteSharp reports through, both named <c>FlyteSharp</c>. Subscribe with
/// OpenTelemetry (<c>AddSource("FlyteSharp")</c>, <c>AddMeter("FlyteSharp")</c>) or an ActivityListener/MeterListener.
/// </summary>
public sealed class FlyteTelemetry : IDisposable
{
    /// <summary>The name of the ActivitySource and the Meter.</summary>
    public const string Name = "FlyteSharp";

    /// <summary>Creates the instruments, from the meter factory when DI has one.</summary>
    public FlyteTelemetry(IMeterFactory? meterFactory = null)
    {
        ActivitySource = new ActivitySource(Name, typeof(FlyteTelemetry).Assembly.GetName().Version?.ToString());
        Meter = meterFactory?.Create(Name) ?? new Meter(Name);
        Hits = Meter.CreateCounter<long>("flytesharp.cache.hits", description: "Cached task runs served from the catalog.");
        Misses = Meter.CreateCounter<long>("flytesharp.cache.misses", description: "Cached task runs that found no usable entry.");
        Rejections = Meter.CreateCounter<long>("flytesharp.cache.rejections", description: "Catalog entries found but rejected, by reason.");
        Puts = Meter.CreateCounter<long>("flytesharp.cache.puts", description: "Outputs stored in the catalog.");
        PutFailures = Meter.CreateCounter<long>("flytesharp.cache.put_failures", description: "Outputs that could not be stored.");
        CatalogFailures = Meter.CreateCounter<long>("flytesharp.catalog.failures", description: "Catalog calls that failed (the task still ran when fail-open).");
    }

    /// <summary>Spans: one per task run, tagged with the cache status.</summary>
    public ActivitySource ActivitySource { get; }

    /// <summary>The meter holding the counters below.</summary>
    public Meter Meter { get; }

    /// <summary><c>flytesharp.cache.hits</c>.</summary>
    public Counter<long> Hits { get; }

    /// <summary><c>flytesharp.cache.misses</c>.</summary>
    public Counter<long> Misses { get; }

    /// <summary><c>flytesharp.cache.rejections</c>, tagged <c>reason</c>.</summary>
    public Counter<long> Rejections { get; }

    /// <summary><c>flytesharp.cache.puts</c>.</summary>
    public Counter<long> Puts { get; }

    /// <summary><c>flytesharp.cache.put_failures</c>.</summary>
    public Counter<long> PutFailures { get; }

    /// <summary><c>flytesharp.catalog.failures</c>.</summary>
    public Counter<long> CatalogFailures { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        ActivitySource.Dispose();
        Meter.Dispose();
    }
}
