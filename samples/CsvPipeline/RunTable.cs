using FlyteSharp.Running;
using Spectre.Console;

namespace CsvPipeline;

/// <summary>Prints one row per task run: task, cache status, duration, dataset version, short tag, output.</summary>
internal static class RunTable
{
    public static void Write(IReadOnlyCollection<FlyteTaskRun> runs, TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = 200;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Task").AddColumn("Cache").AddColumn(new TableColumn("Duration").RightAligned())
            .AddColumn("Dataset version").AddColumn("Tag").AddColumn("Output");
        foreach (var run in runs)
        {
            table.AddRow(
                Markup.Escape(ShortName(run.TaskName)),
                Status(run),
                $"{run.Duration.TotalMilliseconds:0.0} ms",
                Markup.Escape(run.DatasetVersion ?? "-"),
                Markup.Escape(run.Tag is null ? "-" : run.Tag["flyte_cached-".Length..][..10] + "…"),
                Markup.Escape(OutputSummary.Describe(run.Outputs)));
        }

        console.Write(table);
        foreach (var note in OutputSummary.LenientBlobNotes(runs))
        {
            console.MarkupLine("[grey]" + Markup.Escape(note) + "[/]");
        }

        var hits = runs.Count(r => r.Lookup == CacheLookupStatus.Hit);
        var executed = runs.Count(r => r.Executed);
        console.WriteLine($"Summary: {runs.Count} tasks, {hits} cache hits, {executed} executed");
    }

    private static string Status(FlyteTaskRun run)
    {
        var put = run.Put switch
        {
            CachePutStatus.Stored => " → PUT",
            CachePutStatus.Replaced => " → PUT (replaced)",
            CachePutStatus.AlreadyStored => " → PUT (kept first writer's)",
            CachePutStatus.Failed => " → PUT FAILED",
            _ => string.Empty,
        };
        return run.Lookup switch
        {
            CacheLookupStatus.Hit => "[green]HIT[/]",
            CacheLookupStatus.Miss => "[yellow]MISS[/]" + put,
            CacheLookupStatus.Rejected => "[red]REJECTED[/]: " + Markup.Escape(run.Reason ?? "?") + put,
            CacheLookupStatus.Skipped => "[yellow]OVERWRITE[/]" + put,
            CacheLookupStatus.CatalogFailed => "[red]CATALOG FAILED[/]: " + Markup.Escape(run.Reason ?? "?"),
            _ => "not cached",
        };
    }

    private static string ShortName(string taskName) => taskName[(taskName.LastIndexOf('.') + 1)..];
}
