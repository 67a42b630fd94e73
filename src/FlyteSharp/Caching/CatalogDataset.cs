// Mirrors getDatasetNameFromTask, generateDataSetVersionFromTask and generateTaskSignatureHash in flytepropeller
// pkg/controller/nodes/catalog/datacatalog/transformer.go (v1.16.8).
using Flyteidl.Core;
using FlyteSharp.Hashing;

namespace FlyteSharp.Caching;

/// <summary>The catalog dataset a cached task's artifacts live in: its name and version, as flytepropeller computes them.</summary>
public static class CatalogDataset
{
    /// <summary>Every dataset name starts with this.</summary>
    public const string NamePrefix = "flyte_task-";

    /// <summary>The dataset name: <c>flyte_task-</c> + the task name.</summary>
    public static string Name(string taskName)
    {
        ArgumentException.ThrowIfNullOrEmpty(taskName);
        return NamePrefix + taskName;
    }

    /// <summary>
    /// The dataset version for <paramref name="taskInterface"/> exactly as given:
    /// <c>trim(cacheVersion, ' ')-in8-out8</c>, where a missing or empty variable map hashes as the empty map.
    /// A Flyte cluster computes it on the interface its compiler stripped, so pass
    /// <see cref="InterfaceStripping.Strip(TypedInterface)"/>'s result to match a registered task (the source generator's model-based
    /// <see cref="DatasetVersion.Compute"/> already does).
    /// </summary>
    /// <exception cref="ArgumentException">The cache version is empty after trimming spaces.</exception>
    /// <exception cref="CacheKeyException">The interface holds a value Flyte's jsonpb cannot render.</exception>
    public static string Version(string cacheVersion, TypedInterface? taskInterface)
    {
        var version = DatasetVersion.TrimCacheVersion(cacheVersion);
        return DatasetVersion.Format(
            version,
            HashVariables(taskInterface?.Inputs),
            HashVariables(taskInterface?.Outputs));
    }

    // Nil and empty maps both stand for the empty VariableMap.
    private static byte[] HashVariables(VariableMap? variables) =>
        ProtoObjectHash.Default.Compute(variables is { Variables.Count: > 0 } ? variables : new VariableMap());
}
