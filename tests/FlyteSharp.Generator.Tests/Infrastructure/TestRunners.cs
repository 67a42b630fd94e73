using Flyteidl.Core;
using FlyteSharp.DependencyInjection;
using FlyteSharp.Running;
using Microsoft.Extensions.DependencyInjection;

namespace FlyteSharp.Generator.Tests.Infrastructure;

/// <summary>
/// Runs every task (no catalog) and records what it was given, so tests see exactly what the generated client
/// hands the runner. The runtime's caching runner is tested on its own; the generated code only needs the seam.
/// </summary>
internal sealed class RecordingTaskRunner : IFlyteTaskRunner
{
    public List<(FlyteTaskDescriptor Task, LiteralMap Inputs, LiteralMap Outputs)> Runs { get; } = new();

    public async Task<LiteralMap> RunAsync(
        FlyteTaskDescriptor task,
        LiteralMap inputs,
        Func<CancellationToken, Task<LiteralMap>> execute,
        CancellationToken cancellationToken)
    {
        var outputs = await execute(cancellationToken);
        Runs.Add((task, inputs.Clone(), outputs.Clone()));
        return outputs;
    }
}

/// <summary>Answers every task from recorded outputs without executing it, as a runner does on a cache hit.</summary>
internal sealed class ReplayingTaskRunner : IFlyteTaskRunner
{
    private readonly IReadOnlyDictionary<string, LiteralMap> outputsByTask;

    public ReplayingTaskRunner(IReadOnlyDictionary<string, LiteralMap> outputsByTask) => this.outputsByTask = outputsByTask;

    public Task<LiteralMap> RunAsync(
        FlyteTaskDescriptor task,
        LiteralMap inputs,
        Func<CancellationToken, Task<LiteralMap>> execute,
        CancellationToken cancellationToken) =>
        Task.FromResult(outputsByTask[task.TaskName].Clone());
}

/// <summary>The builder <c>AddFlyteSharp</c> returns, reduced to what the generated registrations use.</summary>
internal sealed class TestFlyteBuilder : IFlyteBuilder
{
    public TestFlyteBuilder(IServiceCollection services) => Services = services;

    public IServiceCollection Services { get; }
}
