using Flyteidl.Core;

namespace FlyteSharp.Running;

/// <summary>
/// The seam between generated task clients and the runtime: inputs go in as a Flyte <see cref="LiteralMap"/>,
/// the runner consults the catalog, executes on a miss and returns the outputs (cached or fresh, with blobs
/// in durable storage) for the generated code to decode.
/// </summary>
public interface IFlyteTaskRunner
{
    /// <summary>Runs <paramref name="task"/> with caching as Flyte does.</summary>
    /// <param name="task">The generated descriptor of the task.</param>
    /// <param name="inputs">The encoded inputs, one literal per input variable.</param>
    /// <param name="execute">Executes the task body and returns the encoded outputs.</param>
    /// <param name="cancellationToken">Cancels the lookup, the execution and the put.</param>
    Task<LiteralMap> RunAsync(
        FlyteTaskDescriptor task,
        LiteralMap inputs,
        Func<CancellationToken, Task<LiteralMap>> execute,
        CancellationToken cancellationToken);
}
