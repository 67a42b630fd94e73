using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Datacatalog;
using FlyteSharp.Catalog;
using FlyteSharp.Cli.Output;

namespace FlyteSharp.Cli.Catalog;

/// <summary><c>flytesharp catalog ls [DATASET]</c>: datasets, or one dataset's artifacts.</summary>
internal static class CatalogListCommand
{
    public static Command Create(CliConsole console)
    {
        var database = CatalogSource.CreateDatabaseOption("The embedded catalog file");
        var endpoint = CatalogSource.CreateEndpointOption();
        var json = CatalogCommands.CreateJsonOption("One JSON object per line instead of a table");
        var dataset = CatalogCommands.CreateDatasetArgument(
            "A whole dataset lists its artifacts; leading parts (PROJECT, PROJECT/DOMAIN, ...) or nothing list the matching datasets", required: false);
        var command = new Command("ls", "List datasets, or the artifacts of one dataset with their tags, creation time and output names")
        {
            database, endpoint, json, dataset,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var selector = DatasetSelector.Parse(parse.GetValue(dataset));
            using var source = await CatalogSource.OpenAsync(parse, database, endpoint, cancellationToken).ConfigureAwait(false);
            var asJson = parse.GetValue(json);
            if (selector.IsComplete)
            {
                var id = selector.RequireId("ls");
                var artifacts = await ToListAsync(CatalogPages.ArtifactsAsync(source.Catalog, id, cancellationToken)).ConfigureAwait(false);
                await (asJson ? WriteArtifactsJsonAsync(console, artifacts) : WriteArtifactsTableAsync(console, id, artifacts)).ConfigureAwait(false);
            }
            else
            {
                var datasets = await ToListAsync(CatalogPages.DatasetsAsync(source.Catalog, selector.ToFilter(), cancellationToken)).ConfigureAwait(false);
                await (asJson ? WriteDatasetsJsonAsync(console, datasets) : WriteDatasetsTableAsync(console, datasets)).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task WriteDatasetsTableAsync(CliConsole console, List<Dataset> datasets)
    {
        if (datasets.Count == 0)
        {
            await console.Error.WriteLineAsync("no datasets").ConfigureAwait(false);
            return;
        }

        var table = new TextTable("DATASET", "METADATA");
        foreach (var dataset in datasets)
        {
            table.AddRow(DatasetSelector.Format(dataset.Id), CatalogText.KeyMap(dataset.Metadata));
        }

        await table.WriteAsync(console).ConfigureAwait(false);

        // The hint goes to stderr, after the table: flush the table first so a terminal shows them in order.
        await console.Out.FlushAsync().ConfigureAwait(false);
        await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{datasets.Count} dataset(s); list one's artifacts with: flytesharp catalog ls {DatasetSelector.Syntax}")).ConfigureAwait(false);
    }

    private static async Task WriteArtifactsTableAsync(CliConsole console, DatasetID id, List<Artifact> artifacts)
    {
        if (artifacts.Count == 0)
        {
            await console.Error.WriteLineAsync($"no artifacts in {DatasetSelector.Format(id)}").ConfigureAwait(false);
            return;
        }

        var table = new TextTable("ARTIFACT", "TAGS", "CREATED", "OUTPUTS");
        foreach (var artifact in artifacts)
        {
            table.AddRow(artifact.Id, CatalogText.Tags(artifact), CatalogText.Time(artifact.CreatedAt), CatalogText.Outputs(artifact));
        }

        await table.WriteAsync(console).ConfigureAwait(false);
    }

    private static async Task WriteDatasetsJsonAsync(CliConsole console, List<Dataset> datasets)
    {
        foreach (var dataset in datasets)
        {
            await console.Out.WriteLineAsync(DatasetIdJson.Line(dataset.Id.Project, dataset.Id.Domain, dataset.Id.Name, dataset.Id.Version)).ConfigureAwait(false);
        }
    }

    private static async Task WriteArtifactsJsonAsync(CliConsole console, List<Artifact> artifacts)
    {
        foreach (var artifact in artifacts)
        {
            await console.Out.WriteLineAsync(JsonLine.Write(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("id", artifact.Id);
                writer.WritePropertyName("dataset");
                DatasetIdJson.Write(writer, artifact.Dataset.Project, artifact.Dataset.Domain, artifact.Dataset.Name, artifact.Dataset.Version);
                WriteStrings(writer, "tags", artifact.Tags.Select(tag => tag.Name).Order(StringComparer.Ordinal));
                writer.WriteString("createdAt", CatalogText.IsoTime(artifact.CreatedAt));
                WriteStrings(writer, "outputs", artifact.Data.Select(data => data.Name));
                writer.WriteEndObject();
            })).ConfigureAwait(false);
        }
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items.ConfigureAwait(false))
        {
            list.Add(item);
        }

        return list;
    }
}
