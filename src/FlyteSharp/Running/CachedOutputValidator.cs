using System.Runtime.CompilerServices;
using Datacatalog;
using Flyteidl.Core;
using FlyteSharp.Storage;
using FlyteSharp.Typing;

namespace FlyteSharp.Running;

/// <summary>
/// Decides whether a cached artifact can stand in for running the task: every expected output is present by name,
/// castable to its declared type under the lenient Blob rule (at any depth), and every blob it points at still
/// exists. Mirrors the checks of flytepropeller's GenerateTaskOutputsFromArtifact (catalog/datacatalog/transformer.go,
/// v1.16.8), plus the blob-existence check Flyte lacks (flyteorg/flyte#4672).
/// </summary>
internal sealed class CachedOutputValidator(IBlobStore blobs)
{
    private readonly ConditionalWeakTable<FlyteTaskDescriptor, IReadOnlyList<(string Name, FlyteType Type)>> expectedOutputs = new();

    public async Task<CacheValidation> ValidateAsync(FlyteTaskDescriptor task, Artifact artifact, CancellationToken cancellationToken)
    {
        var outputs = new LiteralMap();
        foreach (var data in artifact.Data)
        {
            if (data.Value is null)
            {
                return CacheValidation.Rejected($"outputs.{data.Name}: the cached artifact {artifact.Id} has no value for it", "corrupt");
            }

            outputs.Literals[data.Name] = data.Value;
        }

        foreach (var (name, type) in expectedOutputs.GetValue(task, ExpectedOutputs))
        {
            if (!outputs.Literals.TryGetValue(name, out var literal))
            {
                return CacheValidation.Rejected($"outputs.{name}: missing from the cached artifact {artifact.Id}", "missing-output");
            }

            var cast = LiteralCompatibility.Check(literal, type, "outputs." + name);
            if (!cast.IsCastable)
            {
                return CacheValidation.Rejected(cast.Reason!, "incompatible-type");
            }
        }

        foreach (var (path, uri) in BlobReferences.Enumerate(outputs))
        {
            // A blob in a store we cannot reach from here (s3:// written by a cluster) is taken on trust, as Flyte does.
            if (blobs.CanHandle(uri) && !await blobs.ExistsAsync(uri, cancellationToken).ConfigureAwait(false))
            {
                return CacheValidation.Rejected($"{path}: the cached blob {uri} no longer exists", "missing-blob");
            }
        }

        return CacheValidation.Valid(outputs);
    }

    private static IReadOnlyList<(string Name, FlyteType Type)> ExpectedOutputs(FlyteTaskDescriptor task) =>
        task.Interface.Outputs?.Variables
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => (pair.Key, pair.Value.Type.ToFlyteType()))
            .ToArray()
        ?? [];
}

/// <summary>The outcome of validating a cached artifact.</summary>
internal readonly record struct CacheValidation(LiteralMap? Outputs, string? Reason, string? Kind)
{
    public static CacheValidation Valid(LiteralMap outputs) => new(outputs, null, null);

    public static CacheValidation Rejected(string reason, string kind) => new(null, reason, kind);
}
