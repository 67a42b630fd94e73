using Consumer;
using FlyteSharp;
using FlyteSharp.Running;
using Microsoft.Extensions.DependencyInjection;

// A user's project: one package reference, a task, DI, two calls. The second must be a cache hit.
var runs = new List<FlyteTaskRun>();
var root = Directory.CreateTempSubdirectory("flytesharp-consumer-");
try
{
    var services = new ServiceCollection();
    services.AddFlyteSharp(o =>
        {
            o.Catalog.Path = Path.Combine(root.FullName, "catalog.db");
            o.RawOutputPrefix = Path.Combine(root.FullName, "raw");
        })
        .AddGreetingTasks();
    services.AddSingleton<IFlyteTaskObserver>(new Recorder(runs));
    await using var provider = services.BuildServiceProvider();
    var tasks = provider.GetRequiredService<IGreetingTasks>();

    var first = await tasks.GreetAsync("Flyte", 2);
    var second = await tasks.GreetAsync("Flyte", 2);
    if (first != "Hello Flyte! Hello Flyte!" || second != first || runs.Count != 2
        || runs[0].Lookup != CacheLookupStatus.Miss || runs[1].Lookup != CacheLookupStatus.Hit)
    {
        Console.Error.WriteLine($"package consumer: unexpected result '{first}' / '{second}', runs: {string.Join(", ", runs.Select(r => r.Lookup))}");
        return 1;
    }

    Console.WriteLine($"package consumer: OK ({GreetingTasksFlyte.GreetDatasetVersion}, second call {runs[1].Lookup})");
    return 0;
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    root.Delete(recursive: true);
}

namespace Consumer
{
    public sealed class GreetingTasks
    {
        [FlyteTask(Cache = true, CacheVersion = "1")]
        public static string Greet(string name, int times) =>
            string.Join(' ', Enumerable.Repeat($"Hello {name}!", times));
    }

    internal sealed class Recorder(List<FlyteTaskRun> runs) : IFlyteTaskObserver
    {
        public void OnCompleted(FlyteTaskRun run) => runs.Add(run);
    }
}
