using CsvPipeline;
using FlyteSharp;
using FlyteSharp.Formats;
using FlyteSharp.Running;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// dotnet run --project samples/CsvPipeline [-- --catalog http://127.0.0.1:PORT]
var builder = Host.CreateApplicationBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);

// `--catalog URL` (a running `flytesharp catalog serve`, or a Flyte DataCatalog) instead of the embedded catalog.
var catalog = builder.Configuration["catalog"];
builder.Services
    .AddFlyteSharp(options =>
    {
        options.Project = "flytesharp-samples";
        options.Domain = "development";
        if (!string.IsNullOrWhiteSpace(catalog))
        {
            options.Catalog.Endpoint = catalog;
        }
    })
    .AddSalesTasks();
builder.Services.AddSingleton<RunRecorder>();
builder.Services.AddSingleton<IFlyteTaskObserver>(provider => provider.GetRequiredService<RunRecorder>());

using var host = builder.Build();
await host.StartAsync();
var recorder = host.Services.GetRequiredService<RunRecorder>();
var tasks = host.Services.GetRequiredService<ISalesTasks>();

try
{
    // Another team's Flyte workflow already produced this quarter's targets; its cache entry holds a blob with no format.
    await ForeignProducer.PublishTargetsAsync(host.Services, "2026-Q1");

    var raw = new FlyteFile<Csv>(Path.Combine(AppContext.BaseDirectory, "data", "sales.csv"));
    var cleaned = await tasks.CleanAsync(raw, ["north", "south", "east", "west"]);
    var totals = await tasks.AggregateAsync(cleaned, minUnitPrice: null);
    var targets = await tasks.FetchTargetsAsync("2026-Q1");
    var report = await tasks.ReportAsync(totals, targets, "Revenue against target, 2026-Q1");

    RunTable.Write(recorder.Runs, Console.Out);
    Console.WriteLine();
    Console.WriteLine(report);
    return 0;
}
catch (Exception e) when (e is not OperationCanceledException)
{
    RunTable.Write(recorder.Runs, Console.Out);
    await Console.Error.WriteLineAsync($"error: a task failed: {e.Message}");
    return 1;
}
finally
{
    await host.StopAsync();
}
