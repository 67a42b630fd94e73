using System;
using System.Diagnostics.CodeAnalysis;

namespace FlyteSharp.Typing;

/// <summary>
/// The outcome of a castability check: castable, or not with a reason that names where and why, e.g.
/// <c>outputs.o0[]: blob{format:"parquet"} is not castable to blob{format:"csv"}</c>.
/// </summary>
public sealed class CastResult
{
    private CastResult(bool isCastable, string? reason)
    {
        IsCastable = isCastable;
        Reason = reason;
    }

    /// <summary>The result of every successful check (one shared instance: success allocates nothing).</summary>
    public static CastResult Castable { get; } = new(true, null);

    /// <summary>Whether the upstream type can be used where the downstream type is expected.</summary>
    [MemberNotNullWhen(false, nameof(Reason))]
    public bool IsCastable { get; }

    /// <summary>Why the types are not castable; <see langword="null"/> when they are.</summary>
    public string? Reason { get; }

    /// <summary>A rejection with the given reason.</summary>
    public static CastResult NotCastable(string reason)
    {
        if (string.IsNullOrEmpty(reason))
        {
            throw new ArgumentException("A rejection needs a reason.", nameof(reason));
        }

        return new CastResult(false, reason);
    }

    /// <inheritdoc/>
    public override string ToString() => IsCastable ? "castable" : Reason;
}
