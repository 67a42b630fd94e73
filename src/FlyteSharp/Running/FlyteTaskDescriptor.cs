using Flyteidl.Core;

namespace FlyteSharp.Running;

/// <summary>
/// Everything the runtime needs to know about one task: what the generator computed at compile time
/// (names, the Flyte interface, the cache dataset), so that nothing is derived again on the hot path.
/// </summary>
public sealed class FlyteTaskDescriptor
{
    /// <summary>Creates a descriptor. Generated code calls this once per task.</summary>
    public FlyteTaskDescriptor(
        string taskName,
        TypedInterface @interface,
        bool cache,
        string? cacheVersion,
        bool cacheSerialize,
        IReadOnlyList<string> cacheIgnoreInputs,
        string datasetName,
        string? datasetVersion)
    {
        ArgumentException.ThrowIfNullOrEmpty(taskName);
        ArgumentNullException.ThrowIfNull(@interface);
        ArgumentNullException.ThrowIfNull(cacheIgnoreInputs);
        TaskName = taskName;
        Interface = @interface;
        Cache = cache;
        CacheVersion = cacheVersion;
        CacheSerialize = cacheSerialize;
        CacheIgnoreInputs = cacheIgnoreInputs;
        DatasetName = datasetName;
        DatasetVersion = datasetVersion;
    }

    /// <summary>The Flyte task name, e.g. <c>Sales.SalesTasks.Clean</c>.</summary>
    public string TaskName { get; }

    /// <summary>The task's Flyte interface (inputs by parameter name, outputs <c>o0</c>, <c>o1</c>, ...).</summary>
    public TypedInterface Interface { get; }

    /// <summary>Whether outputs are memoized in the catalog.</summary>
    public bool Cache { get; }

    /// <summary>The cache version as written on the attribute (null when not cached).</summary>
    public string? CacheVersion { get; }

    /// <summary>Whether concurrent executions for the same inputs are serialized through reservations.</summary>
    public bool CacheSerialize { get; }

    /// <summary>Inputs left out of the cache key.</summary>
    public IReadOnlyList<string> CacheIgnoreInputs { get; }

    /// <summary>The catalog dataset name: <c>flyte_task-</c> + task name.</summary>
    public string DatasetName { get; }

    /// <summary>The catalog dataset version, byte-identical to Flyte's (null when not cached).</summary>
    public string? DatasetVersion { get; }

    /// <summary>
    /// Set for a reference task (<c>[FlyteReferenceTask]</c>): the task lives elsewhere, so the runner only reads its
    /// cached result from the catalog dataset in the reference's project and domain, and a miss is an error.
    /// </summary>
    public FlyteTaskReference? Reference { get; init; }
}
