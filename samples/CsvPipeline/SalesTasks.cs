using System.Globalization;
using FlyteSharp;
using FlyteSharp.Formats;
using Microsoft.Extensions.Logging;

namespace CsvPipeline;

/// <summary>
/// The sample's tasks: clean raw sales, total them by region, fetch the quarter's targets (produced elsewhere, by a
/// Flyte workflow of the data team) and write a report. Every task is cached: run the sample twice and nothing runs
/// the second time.
/// </summary>
public sealed partial class SalesTasks(ILogger<SalesTasks> logger)
{
    private static readonly string[] KnownRegions = ["north", "south", "east", "west"];

    /// <summary>Drops malformed rows, trims and lower-cases fields, and keeps only <paramref name="regions"/>.</summary>
    [FlyteTask(Cache = true, CacheVersion = "1.0")]
    public async Task<FlyteFile<Csv>> CleanAsync(FlyteFile<Csv> raw, IReadOnlyList<string> regions, CancellationToken cancellationToken)
    {
        var wanted = regions.Select(r => r.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var lines = await File.ReadAllLinesAsync(raw.LocalPath!, cancellationToken);
        var cleaned = new List<string> { "date,region,product,units,unit_price" };
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split(',').Select(f => f.Trim().ToLowerInvariant()).ToArray();
            if (fields.Length != 5 || fields.Any(string.IsNullOrEmpty)
                || !KnownRegions.Contains(fields[1]) || !wanted.Contains(fields[1])
                || !int.TryParse(fields[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
                || !double.TryParse(fields[4], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                continue;
            }

            cleaned.Add(string.Join(',', fields));
        }

        LogExecuted(nameof(CleanAsync), cleaned.Count - 1);
        return await WriteCsvAsync("cleaned.csv", cleaned, cancellationToken);
    }

    /// <summary>Revenue and units per region, ignoring sales under <paramref name="minUnitPrice"/> when given.</summary>
    [FlyteTask(Cache = true, CacheVersion = "1.0")]
    public async Task<FlyteFile<Csv>> AggregateAsync(FlyteFile<Csv> cleaned, double? minUnitPrice, CancellationToken cancellationToken)
    {
        var totals = new SortedDictionary<string, (long Units, double Revenue)>(StringComparer.Ordinal);
        foreach (var fields in (await File.ReadAllLinesAsync(cleaned.LocalPath!, cancellationToken)).Skip(1).Select(l => l.Split(',')))
        {
            var units = int.Parse(fields[3], CultureInfo.InvariantCulture);
            var price = double.Parse(fields[4], CultureInfo.InvariantCulture);
            if (minUnitPrice is { } min && price < min)
            {
                continue;
            }

            var current = totals.GetValueOrDefault(fields[1]);
            totals[fields[1]] = (current.Units + units, current.Revenue + (units * price));
        }

        var rows = new List<string> { "region,units,revenue" };
        rows.AddRange(totals.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key},{t.Value.Units},{t.Value.Revenue:0.00}")));
        LogExecuted(nameof(AggregateAsync), totals.Count);
        return await WriteCsvAsync("totals.csv", rows, cancellationToken);
    }

    /// <summary>
    /// The quarter's revenue targets. On a real deployment a Python Flyte task of the data team produces them; here
    /// the sample plays that producer and writes the cache entry the way it does (a blob with no format). Run
    /// locally, this body copies the targets shipped with the sample.
    /// </summary>
    [FlyteTask(Cache = true, CacheVersion = "1.0")]
    public FlyteFile<Csv> FetchTargets(string quarter)
    {
        LogExecuted(nameof(FetchTargets), 1);
        return new(Path.Combine(AppContext.BaseDirectory, "data", $"targets-{quarter}.csv"));
    }

    /// <summary>A plain-text report: revenue against target per region.</summary>
    [FlyteTask(Cache = true, CacheVersion = "1.0")]
    public async Task<string> ReportAsync(FlyteFile<Csv> totals, FlyteFile<Csv> targets, string title, CancellationToken cancellationToken)
    {
        var target = (await File.ReadAllLinesAsync(targets.LocalPath!, cancellationToken)).Skip(1)
            .Select(l => l.Split(','))
            .ToDictionary(f => f[0], f => double.Parse(f[2], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var lines = new List<string> { title };
        foreach (var fields in (await File.ReadAllLinesAsync(totals.LocalPath!, cancellationToken)).Skip(1).Select(l => l.Split(',')))
        {
            var revenue = double.Parse(fields[2], CultureInfo.InvariantCulture);
            var goal = target.GetValueOrDefault(fields[0]);
            var percent = goal > 0 ? revenue / goal * 100 : 0;
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{fields[0]}: {revenue:0} of {goal:0} ({percent:0}%)"));
        }

        LogExecuted(nameof(ReportAsync), lines.Count - 1);
        return string.Join(Environment.NewLine, lines);
    }

    // Information level: shown with --Logging:LogLevel:Default=Information, to watch what really executes.
    [LoggerMessage(Level = LogLevel.Information, Message = "Executed {Task}: {Rows} rows")]
    private partial void LogExecuted(string task, int rows);

    private static async Task<FlyteFile<Csv>> WriteCsvAsync(string name, IEnumerable<string> rows, CancellationToken cancellationToken)
    {
        // A scratch file: the runner copies it into durable, content-addressed storage before caching it.
        var directory = Directory.CreateTempSubdirectory("csvpipeline-");
        var path = Path.Combine(directory.FullName, name);
        await File.WriteAllLinesAsync(path, rows, cancellationToken);
        return new FlyteFile<Csv>(path);
    }
}
