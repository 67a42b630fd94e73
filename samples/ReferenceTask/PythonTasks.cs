using FlyteSharp;
using FlyteSharp.Formats;

namespace ReferenceTask;

/// <summary>Tasks that run on a Flyte cluster, written in Python; FlyteSharp reads their cached results.</summary>
public partial interface IPythonTasks
{
    /// <summary>
    /// <c>workflows.cleaning.clean(raw: FlyteFile) -> FlyteFile</c>, cached on the cluster with <c>cache_version="1.0"</c>.
    /// The remote blobs have no format; the lenient Blob rule lets C# read them as CSV files.
    /// </summary>
    [FlyteReferenceTask("flytesnacks", "development", "workflows.cleaning.clean", "v3", InterfaceFile = "pinned/clean.json", CacheVersion = "1.0")]
    Task<FlyteFile<Csv>> CleanAsync(FlyteFile<Csv> raw, CancellationToken cancellationToken = default);
}
