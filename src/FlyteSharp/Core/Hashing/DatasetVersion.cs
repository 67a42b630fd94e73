// Mirrors generateDataSetVersionFromTask / generateTaskSignatureHash in flytepropeller
// pkg/controller/nodes/catalog/datacatalog/transformer.go (v1.16.8).
using System;
using FlyteSharp.Typing;

namespace FlyteSharp.Hashing;

/// <summary>
/// The catalog dataset version of a cached task, byte-identical to flytepropeller's:
/// <c>trim(cacheVersion, ' ') + "-" + in8 + "-" + out8</c>, where <c>in8</c>/<c>out8</c> are the first 8
/// characters of the unpadded base64url hash of the inputs/outputs <c>VariableMap</c>.
/// </summary>
public static class DatasetVersion
{
    private const int SignatureLength = 8;

    /// <summary>
    /// The dataset version for <paramref name="taskInterface"/> as a Flyte cluster computes it: on the interface
    /// after propeller's compiler stripped it, so variable descriptions do not count (the model has no type
    /// metadata or annotations to strip).
    /// </summary>
    /// <exception cref="ArgumentException">The cache version is empty after trimming spaces, or the interface is malformed.</exception>
    public static string Compute(string cacheVersion, FlyteInterface taskInterface)
    {
        _ = taskInterface ?? throw new ArgumentNullException(nameof(taskInterface));

        var version = TrimCacheVersion(cacheVersion);
        return Format(
            version,
            TypeModelHash.OfVariableMap(taskInterface.Inputs, includeDescriptions: false),
            TypeModelHash.OfVariableMap(taskInterface.Outputs, includeDescriptions: false));
    }

    /// <summary>
    /// Joins an already trimmed cache version with the inputs and outputs <c>VariableMap</c> hashes
    /// (<see cref="ObjectHash.Size"/> bytes each).
    /// </summary>
    public static string Format(string trimmedCacheVersion, byte[] inputsHash, byte[] outputsHash)
    {
        if (string.IsNullOrEmpty(trimmedCacheVersion))
        {
            throw new ArgumentException("The cache version must not be empty.", nameof(trimmedCacheVersion));
        }

        return trimmedCacheVersion + "-" + Signature(inputsHash, nameof(inputsHash)) + "-" + Signature(outputsHash, nameof(outputsHash));
    }

    /// <summary>Trims spaces (only spaces, as Go's <c>strings.Trim(v, " ")</c>) and refuses an empty result.</summary>
    /// <exception cref="ArgumentException">Nothing is left after trimming.</exception>
    public static string TrimCacheVersion(string? cacheVersion)
    {
        var trimmed = (cacheVersion ?? string.Empty).Trim(' ');
        if (trimmed.Length == 0)
        {
            throw new ArgumentException(
                "A cached task needs a non-empty cache version (Flyte refuses an empty discovery version); got '" + cacheVersion + "'.",
                nameof(cacheVersion));
        }

        return trimmed;
    }

    private static string Signature(byte[] hash, string parameterName)
    {
        if (hash is null || hash.Length != ObjectHash.Size)
        {
            throw new ArgumentException("A VariableMap hash is 32 bytes long.", parameterName);
        }

        return Base64Url.Encode(hash).Substring(0, SignatureLength);
    }
}
