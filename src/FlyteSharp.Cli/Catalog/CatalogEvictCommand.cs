using System.CommandLine;
using System.Globalization;
using FlyteSharp.Catalog.Embedded;

namespace FlyteSharp.Cli.Catalog;

/// <summary>
/// <c>flytesharp catalog evict</c>: removes an artifact (by tag or id, with all its tags), a whole dataset, or every
/// artifact created before a date, from the embedded catalog. Flyte's DataCatalog API has no delete call, so there is
/// nothing to send to a gRPC endpoint.
/// </summary>
internal static class CatalogEvictCommand
{
    public static Command Create(CliConsole console)
    {
        var database = CatalogSource.CreateDatabaseOption("The embedded catalog file");
        var endpoint = CatalogSource.CreateEndpointOption();
        endpoint.Description = "Not supported: Flyte's DataCatalog API has no delete; evict on the served --db file instead";
        var olderThan = new Option<string>("--older-than")
        {
            Description = "Evict every artifact (in every dataset) created before this: an age (30d, 12h, 90m, 45s) or a date (2026-01-31, 2026-01-31T12:00:00Z; UTC unless an offset is given)",
            HelpName = "AGE|DATE",
        };
        var dataset = CatalogCommands.CreateDatasetArgument("The dataset to evict, or the dataset of ARTIFACT", required: false);
        var artifact = new Argument<string?>("ARTIFACT")
        {
            Description = "A tag (e.g. flyte_cached-...) or id of the artifact to evict; its other tags go with it",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("evict", "Remove an artifact (by tag or id), a dataset, or artifacts older than a date from the embedded catalog")
        {
            database, endpoint, olderThan, dataset, artifact,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(endpoint) is not null)
            {
                throw new CliUsageException("evict works on the embedded catalog file only: Flyte's DataCatalog API has no delete call, so nothing can be evicted through --endpoint (run evict with --db on the file the server serves)");
            }

            var datasetText = parse.GetValue(dataset);
            var artifactText = parse.GetValue(artifact);
            var cutoffText = parse.GetValue(olderThan);
            if (cutoffText is not null && datasetText is not null)
            {
                throw new CliUsageException("give either --older-than (every dataset) or DATASET [ARTIFACT], not both");
            }

            if (cutoffText is null && datasetText is null)
            {
                throw new CliUsageException("nothing to evict: give DATASET [ARTIFACT] or --older-than AGE|DATE");
            }

            var cutoff = cutoffText is null ? (DateTimeOffset?)null : EvictionCutoff.Parse(cutoffText, TimeProvider.System.GetUtcNow());
            var id = datasetText is null ? null : DatasetSelector.Parse(datasetText).RequireId("evict");
            using var source = await CatalogSource.OpenAsync(parse, database, endpoint, cancellationToken).ConfigureAwait(false);
            var store = source.Embedded!;
            if (cutoff is { } before)
            {
                var count = await store.DeleteArtifactsCreatedBeforeAsync(before, cancellationToken).ConfigureAwait(false);
                await console.Out.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"evicted {count} artifact(s) created before {before.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}")).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            return artifactText is null
                ? await EvictDatasetAsync(console, store, id!, cancellationToken).ConfigureAwait(false)
                : await EvictArtifactAsync(console, store, id!, artifactText, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> EvictDatasetAsync(CliConsole console, SqliteDataCatalog store, Datacatalog.DatasetID id, CancellationToken cancellationToken)
    {
        if (!await store.DeleteDatasetAsync(id, cancellationToken).ConfigureAwait(false))
        {
            await console.Error.WriteLineAsync($"error: no dataset {DatasetSelector.Format(id)}").ConfigureAwait(false);
            return ExitCodes.No;
        }

        await console.Out.WriteLineAsync($"evicted dataset {DatasetSelector.Format(id)} with all its artifacts").ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static async Task<int> EvictArtifactAsync(CliConsole console, SqliteDataCatalog store, Datacatalog.DatasetID id, string tagOrId, CancellationToken cancellationToken)
    {
        var found = await ArtifactLookup.FindAsync(store, id, tagOrId, cancellationToken).ConfigureAwait(false);
        if (found is null || !await store.DeleteArtifactAsync(id, found.Value.Artifact.Id, cancellationToken).ConfigureAwait(false))
        {
            await console.Error.WriteLineAsync($"error: no artifact with tag or id '{tagOrId}' in {DatasetSelector.Format(id)}").ConfigureAwait(false);
            return ExitCodes.No;
        }

        var artifact = found.Value.Artifact;
        await console.Out.WriteLineAsync($"evicted artifact {artifact.Id} (tags: {CatalogText.Tags(artifact)}) from {DatasetSelector.Format(id)}").ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
