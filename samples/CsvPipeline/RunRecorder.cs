using System.Collections.Concurrent;
using FlyteSharp.Running;

namespace CsvPipeline;

/// <summary>Keeps every task run of this process, in order, for the table printed at the end.</summary>
internal sealed class RunRecorder : IFlyteTaskObserver
{
    private readonly ConcurrentQueue<FlyteTaskRun> runs = new();

    public IReadOnlyCollection<FlyteTaskRun> Runs => runs;

    public void OnCompleted(FlyteTaskRun run) => runs.Enqueue(run);
}
