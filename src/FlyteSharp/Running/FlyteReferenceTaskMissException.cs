namespace FlyteSharp.Running;

/// <summary>
/// A reference task was called with inputs the catalog holds no usable result for. A reference task lives elsewhere
/// (a Flyte cluster), so FlyteSharp cannot run it: run it there with the same inputs first.
/// </summary>
public sealed class FlyteReferenceTaskMissException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="reference"/>.</summary>
    /// <param name="taskName">The task name of the descriptor.</param>
    /// <param name="reference">The reference task.</param>
    /// <param name="tag">The cache tag of the inputs, when it was computed.</param>
    /// <param name="reason">Why no result could be used (a rejected entry, a failed catalog), null for a plain miss.</param>
    public FlyteReferenceTaskMissException(string taskName, FlyteTaskReference reference, string? tag, string? reason)
        : base(Describe(taskName, reference, tag, reason))
    {
        Reference = reference;
        Tag = tag;
        Reason = reason;
    }

    /// <summary>The reference task.</summary>
    public FlyteTaskReference Reference { get; }

    /// <summary>The cache tag of the inputs (null when the lookup did not get that far).</summary>
    public string? Tag { get; }

    /// <summary>Why no cached result could be used; null for a plain miss.</summary>
    public string? Reason { get; }

    private static string Describe(string taskName, FlyteTaskReference reference, string? tag, string? reason) =>
        $"reference task {taskName} ({reference}) has no cached result for these inputs in the catalog"
        + (tag is null ? string.Empty : $" (tag {tag})")
        + (reason is null ? string.Empty : $": {reason}")
        + "; run it on the Flyte cluster first";
}
