using Flyteidl.Core;

namespace FlyteSharp.Running;

/// <summary>The record of one task run: what the cache did, how long it took, what came out.</summary>
/// <param name="TaskName">The Flyte task name.</param>
/// <param name="Lookup">What the cache lookup found.</param>
/// <param name="Put">What storing the outputs did.</param>
/// <param name="Reason">Why an entry was rejected or the catalog failed; null otherwise.</param>
/// <param name="Executed">Whether the task body ran.</param>
/// <param name="Duration">Wall time of the whole run, lookup and put included.</param>
/// <param name="DatasetVersion">The catalog dataset version (null when not cached).</param>
/// <param name="Tag">The artifact tag of the inputs (null when not cached).</param>
/// <param name="Outputs">The outputs returned to the caller.</param>
public sealed record FlyteTaskRun(
    string TaskName,
    CacheLookupStatus Lookup,
    CachePutStatus Put,
    string? Reason,
    bool Executed,
    TimeSpan Duration,
    string? DatasetVersion,
    string? Tag,
    LiteralMap Outputs);

/// <summary>Receives a <see cref="FlyteTaskRun"/> after every task run. Register any number in DI.</summary>
public interface IFlyteTaskObserver
{
    /// <summary>Called once per completed run (not for runs whose task body threw).</summary>
    void OnCompleted(FlyteTaskRun run);
}
