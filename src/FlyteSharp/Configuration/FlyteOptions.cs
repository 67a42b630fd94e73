namespace FlyteSharp.Configuration;

/// <summary>
/// FlyteSharp's settings: where the cache lives and how it behaves. Bind from configuration
/// (<c>services.AddFlyteSharp(configuration.GetSection("Flyte"))</c>) or set in code; validated at start-up.
/// </summary>
public sealed class FlyteOptions
{
    /// <summary>The Flyte project cache entries belong to (the dataset's project).</summary>
    public string Project { get; set; } = "flytesnacks";

    /// <summary>The Flyte domain cache entries belong to (the dataset's domain).</summary>
    public string Domain { get; set; } = "development";

    /// <summary>Where durable copies of output files go; <c>file://</c> URIs or a local path. Default <c>.flyte/raw</c>.</summary>
    public string RawOutputPrefix { get; set; } = Path.Combine(".flyte", "raw");

    /// <summary>The catalog: embedded SQLite by default, a Flyte DataCatalog when <see cref="CatalogOptions.Endpoint"/> is set.</summary>
    public CatalogOptions Catalog { get; set; } = new();

    /// <summary>Cache behaviour: age limit, overwrite, reservations, failure policy.</summary>
    public CacheOptions Cache { get; set; } = new();
}

/// <summary>Which catalog holds the cache.</summary>
public sealed class CatalogOptions
{
    /// <summary>The embedded SQLite catalog file. Default <c>.flyte/catalog.db</c> under the working directory.</summary>
    public string Path { get; set; } = System.IO.Path.Combine(".flyte", "catalog.db");

    /// <summary>
    /// A Flyte DataCatalog gRPC address (<c>http://host:port</c> or <c>https://...</c>). When set, the cache lives
    /// there and is shared with the Flyte cluster; <see cref="Path"/> is ignored.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>The deadline of one catalog call.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>How cached tasks use the catalog.</summary>
public sealed class CacheOptions
{
    /// <summary>Turn caching off for every task (they still run).</summary>
    public bool Disabled { get; set; }

    /// <summary>Entries older than this are misses (Flyte's <c>max-cache-age</c>); null means no limit.</summary>
    public TimeSpan? MaxAge { get; set; }

    /// <summary>Skip cache reads and replace entries with fresh results (Flyte's overwrite-cache).</summary>
    public bool Overwrite { get; set; }

    /// <summary>How often a <c>CacheSerialize</c> reservation is extended; waiters re-check at this pace.</summary>
    public TimeSpan ReservationHeartbeat { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// When the catalog fails: <see cref="CatalogFailurePolicy.FailOpen"/> (default) runs the task and logs a
    /// warning, <see cref="CatalogFailurePolicy.Strict"/> throws.
    /// </summary>
    public CatalogFailurePolicy OnCatalogFailure { get; set; } = CatalogFailurePolicy.FailOpen;
}

/// <summary>What a catalog failure does to a task run.</summary>
public enum CatalogFailurePolicy
{
    /// <summary>The task still runs and returns; the failure is logged and counted.</summary>
    FailOpen,

    /// <summary>The run fails with <see cref="Catalog.CatalogException"/>.</summary>
    Strict,
}
