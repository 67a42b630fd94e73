using FlyteSharp.Formats;

namespace FlyteSharp.Integration.Tests.Running;

/// <summary>
/// The tasks the end-to-end scenarios call through their generated client (<see cref="IReportTasks"/>), the way a user
/// does: <c>services.AddFlyteSharp(...).AddReportTasks()</c>. Each body is the same CSV report, counted by the probe.
/// </summary>
public sealed class ReportTasks(ReportProbe probe)
{
    /// <summary>A one-row CSV report of <paramref name="region"/>; <paramref name="run"/> is part of the cache key.</summary>
    [FlyteTask(Cache = true, CacheVersion = "1.0")]
    public Task<FlyteFile<Csv>> ReportAsync(string region, long run, CancellationToken cancellationToken) =>
        probe.ExecuteAsync(region, cancellationToken);

    /// <summary>The same report, with concurrent executions for the same inputs serialized through reservations.</summary>
    [FlyteTask(Cache = true, CacheVersion = "1.0", CacheSerialize = true)]
    public Task<FlyteFile<Csv>> SerializedReportAsync(string region, CancellationToken cancellationToken) =>
        probe.ExecuteAsync(region, cancellationToken);
}

/// <summary>
/// What the task bodies of <see cref="ReportTasks"/> do, and what the scenarios observe of them: executions are counted,
/// may wait for each other (a rendezvous, so "concurrent" is a fact rather than a hope) and may run a hook mid-run.
/// </summary>
public sealed class ReportProbe(DirectoryInfo scratch)
{
    private readonly TaskCompletionSource allStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int executions;

    /// <summary>How many times a task body ran.</summary>
    public int Executions => Volatile.Read(ref executions);

    /// <summary>How long each body takes after its rendezvous.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>When above 1, each body waits until this many bodies have started.</summary>
    public int Rendezvous { get; set; } = 1;

    /// <summary>Runs inside the body, before the report is written (to stop the catalog mid-run).</summary>
    public Func<CancellationToken, Task>? During { get; set; }

    /// <summary>The report every body writes for <paramref name="region"/>.</summary>
    public static string ReportText(string region) => "region,total\n" + region + ",42\n";

    internal async Task<FlyteFile<Csv>> ExecuteAsync(string region, CancellationToken cancellationToken)
    {
        var started = Interlocked.Increment(ref executions);
        if (Rendezvous > 1)
        {
            if (started >= Rendezvous)
            {
                allStarted.TrySetResult();
            }

            await allStarted.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }

        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        if (During is { } during)
        {
            await during(cancellationToken);
        }

        // A scratch file, as a real task writes one: the runner copies it into durable storage before caching it.
        var path = Path.Combine(scratch.CreateSubdirectory("scratch-" + Guid.NewGuid().ToString("N")).FullName, "report.csv");
        await File.WriteAllTextAsync(path, ReportText(region), cancellationToken);
        return new FlyteFile<Csv>(path);
    }
}
