// Mirrors the output check of flytepropeller pkg/controller/nodes/catalog/datacatalog/transformer.go (v1.16.8):
// infer the type of each cached literal, then require it to be castable to the interface's type.
using Proto = Flyteidl.Core;

namespace FlyteSharp.Typing;

/// <summary>
/// Whether a literal (typically a cached output) fits an expected type: its type is inferred as Flyte infers it
/// and must be castable by <see cref="Castability"/>, the lenient Blob rule included. The runtime calls this on
/// every output of a cache hit; a rejection is a miss with the reason logged, never a crash.
/// </summary>
public static class LiteralCompatibility
{
    /// <summary>
    /// Checks <paramref name="value"/> against <paramref name="expected"/>. The reason of a rejection starts with
    /// <paramref name="path"/> (e.g. <c>outputs.o0</c>) extended to the offending part.
    /// </summary>
    public static CastResult Check(Proto.Literal value, FlyteType expected, string path)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(path);

        return LiteralTypeInference.TryInfer(value, path, out var inferred, out var failure)
            ? Castability.Check(inferred, expected, path)
            : CastResult.NotCastable(failure);
    }
}
