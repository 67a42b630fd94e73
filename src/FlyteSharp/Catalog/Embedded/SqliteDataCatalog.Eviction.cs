using Datacatalog;

namespace FlyteSharp.Catalog.Embedded;

// Eviction is not part of Flyte's DataCatalog API; these are the embedded store's own maintenance calls (for
// `flytesharp catalog evict`). Deleting an artifact deletes its data, partitions and tags in the same transaction, so a
// tag never outlives its artifact.
public sealed partial class SqliteDataCatalog
{
    /// <summary>Deletes one artifact with its data, partitions and tags.</summary>
    /// <returns>Whether the artifact existed.</returns>
    public Task<bool> DeleteArtifactAsync(DatasetID dataset, string artifactId, CancellationToken cancellationToken = default) =>
        Run(
            "DeleteArtifact",
            TransactionKind.Write,
            (Dataset: dataset, ArtifactId: artifactId),
            static key =>
            {
                CatalogRequestValidator.ValidateDatasetId(key.Dataset);
                ArgumentException.ThrowIfNullOrEmpty(key.ArtifactId, nameof(artifactId));
            },
            static (key, connection, transaction) =>
            {
                var row = FindDataset(connection, transaction, key.Dataset);
                return row is not null
                    && Execute(
                        connection,
                        transaction,
                        "DELETE FROM artifacts WHERE dataset = $dataset AND artifact_id = $id;",
                        ("$dataset", row.RowId),
                        ("$id", key.ArtifactId)) > 0;
            },
            cancellationToken);

    /// <summary>Deletes a dataset with all its artifacts, tags, partition keys and reservations.</summary>
    /// <returns>Whether the dataset existed.</returns>
    public Task<bool> DeleteDatasetAsync(DatasetID dataset, CancellationToken cancellationToken = default) =>
        Run(
            "DeleteDataset",
            TransactionKind.Write,
            dataset,
            CatalogRequestValidator.ValidateDatasetId,
            static (id, connection, transaction) =>
            {
                var row = FindDataset(connection, transaction, id);
                if (row is null)
                {
                    return false;
                }

                Execute(
                    connection,
                    transaction,
                    "DELETE FROM reservations WHERE project = $project AND name = $name AND domain = $domain AND version = $version;",
                    ("$project", row.Project),
                    ("$name", row.Name),
                    ("$domain", row.Domain),
                    ("$version", row.Version));
                return Execute(connection, transaction, "DELETE FROM datasets WHERE id = $dataset;", ("$dataset", row.RowId)) > 0;
            },
            cancellationToken);

    /// <summary>Deletes every artifact (with its data, partitions and tags) created before <paramref name="cutoff"/>.</summary>
    /// <returns>How many artifacts were deleted.</returns>
    public Task<int> DeleteArtifactsCreatedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        Run(
            "DeleteArtifactsCreatedBefore",
            TransactionKind.Write,
            ToUnixMicros(cutoff),
            static _ => { },
            static (cutoffMicros, connection, transaction) =>
                Execute(connection, transaction, "DELETE FROM artifacts WHERE created_at < $cutoff;", ("$cutoff", cutoffMicros)),
            cancellationToken);

    /// <summary>Deletes reservations that expired before now; they would be taken over on the next request anyway.</summary>
    /// <returns>How many reservations were deleted.</returns>
    public Task<int> DeleteExpiredReservationsAsync(CancellationToken cancellationToken = default) =>
        Run(
            "DeleteExpiredReservations",
            TransactionKind.Write,
            true,
            static _ => { },
            (_, connection, transaction) =>
                Execute(connection, transaction, "DELETE FROM reservations WHERE expires_at < $now;", ("$now", NowMicros())),
            cancellationToken);
}
