// Mirrors flyteorg/flyte v1.16.8 datacatalog/pkg/manager/impl/artifact_manager.go and tag_manager.go with
// datacatalog/pkg/repositories/gormimpl/artifact.go and tag.go: the dataset must exist, partitions must match the
// dataset's keys, an artifact id is unique within its dataset, a tag names one artifact of its dataset (first writer
// wins), lookups by id without a dataset take the newest artifact with that id, and updates replace metadata and data.
using System.Globalization;
using System.Text;
using Datacatalog;
using Flyteidl.Core;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Microsoft.Data.Sqlite;

namespace FlyteSharp.Catalog.Embedded;

public sealed partial class SqliteDataCatalog
{
    /// <inheritdoc />
    public Task<CreateArtifactResponse> CreateArtifactAsync(CreateArtifactRequest request, CancellationToken cancellationToken = default) =>
        Run("CreateArtifact", TransactionKind.Write, request, CatalogRequestValidator.Validate, CreateArtifact, cancellationToken);

    /// <inheritdoc />
    public Task<GetArtifactResponse> GetArtifactAsync(GetArtifactRequest request, CancellationToken cancellationToken = default) =>
        Run("GetArtifact", TransactionKind.Read, request, CatalogRequestValidator.Validate, GetArtifact, cancellationToken);

    /// <inheritdoc />
    public Task<AddTagResponse> AddTagAsync(AddTagRequest request, CancellationToken cancellationToken = default) =>
        Run("AddTag", TransactionKind.Write, request, CatalogRequestValidator.Validate, AddTag, cancellationToken);

    /// <inheritdoc />
    public Task<ListArtifactsResponse> ListArtifactsAsync(ListArtifactsRequest request, CancellationToken cancellationToken = default) =>
        Run("ListArtifacts", TransactionKind.Read, request, CatalogRequestValidator.Validate, ListArtifacts, cancellationToken);

    /// <inheritdoc />
    public Task<UpdateArtifactResponse> UpdateArtifactAsync(UpdateArtifactRequest request, CancellationToken cancellationToken = default) =>
        Run("UpdateArtifact", TransactionKind.Write, request, CatalogRequestValidator.Validate, UpdateArtifact, cancellationToken);

    private CreateArtifactResponse CreateArtifact(CreateArtifactRequest request, SqliteConnection connection, SqliteTransaction transaction)
    {
        var artifact = request.Artifact;
        var dataset = RequireDataset(connection, transaction, artifact.Dataset);
        ValidatePartitions(ReadPartitionKeys(connection, transaction, dataset.RowId), artifact.Partitions);
        if (FindArtifactInDataset(connection, transaction, dataset, artifact.Id) is not null)
        {
            throw new CatalogException(CatalogErrorCode.AlreadyExists, $"Artifact '{artifact.Id}' already exists in dataset {Describe(dataset)}.");
        }

        var rowId = InsertReturningRowId(
            connection,
            transaction,
            "INSERT INTO artifacts (dataset, artifact_id, serialized_metadata, created_at) VALUES ($dataset, $id, $metadata, $now)",
            ("$dataset", dataset.RowId),
            ("$id", artifact.Id),
            ("$metadata", (artifact.Metadata ?? new Metadata()).ToByteArray()),
            ("$now", NowMicros()));
        InsertData(connection, transaction, rowId, artifact.Data);
        for (var i = 0; i < artifact.Partitions.Count; i++)
        {
            Execute(
                connection,
                transaction,
                "INSERT INTO partitions (artifact, position, key, value) VALUES ($artifact, $position, $key, $value);",
                ("$artifact", rowId),
                ("$position", i),
                ("$key", artifact.Partitions[i].Key),
                ("$value", artifact.Partitions[i].Value));
        }

        return new CreateArtifactResponse();
    }

    private static GetArtifactResponse GetArtifact(GetArtifactRequest request, SqliteConnection connection, SqliteTransaction transaction)
    {
        var (artifact, dataset) = request.QueryHandleCase == GetArtifactRequest.QueryHandleOneofCase.TagName
            ? RequireArtifactByTag(connection, transaction, request.Dataset, request.TagName)
            : RequireArtifactById(connection, transaction, request.Dataset, request.ArtifactId);
        return new GetArtifactResponse { Artifact = ToArtifact(connection, transaction, artifact, dataset) };
    }

    private AddTagResponse AddTag(AddTagRequest request, SqliteConnection connection, SqliteTransaction transaction)
    {
        var tag = request.Tag;
        var dataset = RequireDataset(connection, transaction, tag.Dataset);
        var artifact = FindArtifactInDataset(connection, transaction, dataset, tag.ArtifactId)
            ?? throw new CatalogException(CatalogErrorCode.NotFound, $"Artifact '{tag.ArtifactId}' does not exist in dataset {Describe(dataset)}.");
        using (var existing = Command(
            connection,
            transaction,
            "SELECT a.artifact_id FROM tags t JOIN artifacts a ON a.id = t.artifact WHERE t.dataset = $dataset AND t.name = $name;",
            ("$dataset", dataset.RowId),
            ("$name", tag.Name)))
        {
            if (existing.ExecuteScalar() is string owner)
            {
                throw new CatalogException(
                    CatalogErrorCode.AlreadyExists,
                    $"Tag '{tag.Name}' already exists in dataset {Describe(dataset)} (it names artifact '{owner}').");
            }
        }

        Execute(
            connection,
            transaction,
            "INSERT INTO tags (dataset, name, artifact, created_at) VALUES ($dataset, $name, $artifact, $now);",
            ("$dataset", dataset.RowId),
            ("$name", tag.Name),
            ("$artifact", artifact.RowId),
            ("$now", NowMicros()));
        return new AddTagResponse();
    }

    private static ListArtifactsResponse ListArtifacts(ListArtifactsRequest request, SqliteConnection connection, SqliteTransaction transaction)
    {
        var page = Page.From(request.Pagination);
        var dataset = RequireDataset(connection, transaction, request.Dataset);
        var sql = new StringBuilder("SELECT ").Append(ArtifactRow.Columns).Append(" FROM artifacts a WHERE a.dataset = $dataset");
        var parameters = new List<(string, object?)> { ("$dataset", dataset.RowId) };
        foreach (var filter in request.Filter?.Filters ?? [])
        {
            var index = parameters.Count.ToString(CultureInfo.InvariantCulture);
            if (filter.PropertyFilterCase == SinglePropertyFilter.PropertyFilterOneofCase.TagFilter)
            {
                sql.Append(" AND EXISTS (SELECT 1 FROM tags t WHERE t.artifact = a.id AND t.name = $t").Append(index).Append(')');
                parameters.Add(("$t" + index, filter.TagFilter.TagName));
            }
            else
            {
                sql.Append(" AND EXISTS (SELECT 1 FROM partitions p WHERE p.artifact = a.id AND p.key = $k").Append(index)
                    .Append(" AND p.value = $v").Append(index).Append(')');
                parameters.Add(("$k" + index, filter.PartitionFilter.KeyVal.Key));
                parameters.Add(("$v" + index, filter.PartitionFilter.KeyVal.Value));
            }
        }

        sql.Append(page.OrderAndLimit("a"));
        var rows = new List<ArtifactRow>();
        using (var command = Command(connection, transaction, sql.ToString(), [.. parameters]))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add(ArtifactRow.Read(reader, 0));
            }
        }

        var response = new ListArtifactsResponse { NextToken = page.NextToken(rows.Count) };
        response.Artifacts.AddRange(rows.Select(row => ToArtifact(connection, transaction, row, dataset)));
        return response;
    }

    private static UpdateArtifactResponse UpdateArtifact(UpdateArtifactRequest request, SqliteConnection connection, SqliteTransaction transaction)
    {
        var (artifact, dataset) = request.QueryHandleCase == UpdateArtifactRequest.QueryHandleOneofCase.TagName
            ? RequireArtifactByTag(connection, transaction, request.Dataset, request.TagName)
            : RequireArtifactById(connection, transaction, request.Dataset, request.ArtifactId);
        if (ReadData(connection, transaction, artifact, dataset).Count == 0)
        {
            throw NoData(artifact, dataset);
        }

        Execute(
            connection,
            transaction,
            "UPDATE artifacts SET serialized_metadata = $metadata WHERE id = $artifact;",
            ("$metadata", (request.Metadata ?? new Metadata()).ToByteArray()),
            ("$artifact", artifact.RowId));
        Execute(connection, transaction, "DELETE FROM artifact_data WHERE artifact = $artifact;", ("$artifact", artifact.RowId));
        InsertData(connection, transaction, artifact.RowId, request.Data);
        return new UpdateArtifactResponse { ArtifactId = artifact.ArtifactId };
    }

    /// <summary>Partitions must name each of the dataset's partition keys exactly once, with non-empty values.</summary>
    private static void ValidatePartitions(List<string> datasetKeys, RepeatedField<Partition> partitions)
    {
        if (datasetKeys.Count != partitions.Count)
        {
            throw new CatalogException(
                CatalogErrorCode.InvalidArgument,
                $"Partition key mismatch, dataset keys: [{string.Join(", ", datasetKeys)}], artifact partitions: [{string.Join(", ", partitions.Select(p => p.Key + "=" + p.Value))}]");
        }

        var unassigned = new HashSet<string>(datasetKeys, StringComparer.Ordinal);
        for (var i = 0; i < partitions.Count; i++)
        {
            if (partitions[i].Key.Length == 0)
            {
                throw new CatalogException(CatalogErrorCode.InvalidArgument, $"missing partitionKey[{i}]");
            }

            if (partitions[i].Value.Length == 0)
            {
                throw new CatalogException(CatalogErrorCode.InvalidArgument, $"missing partitionValue[{i}]");
            }

            if (!unassigned.Remove(partitions[i].Key))
            {
                throw new CatalogException(
                    CatalogErrorCode.InvalidArgument,
                    $"Artifact partition assignment does not match dataset partition keys: '{partitions[i].Key}' is not a key of the dataset or is assigned twice");
            }
        }
    }

    private static void InsertData(SqliteConnection connection, SqliteTransaction transaction, long artifactRowId, RepeatedField<ArtifactData> data)
    {
        for (var i = 0; i < data.Count; i++)
        {
            // A missing value is stored as an empty Literal, as Flyte's data store writes a nil message.
            Execute(
                connection,
                transaction,
                "INSERT INTO artifact_data (artifact, position, name, value) VALUES ($artifact, $position, $name, $value);",
                ("$artifact", artifactRowId),
                ("$position", i),
                ("$name", data[i].Name),
                ("$value", (data[i].Value ?? new Literal()).ToByteArray()));
        }
    }

    private static ArtifactRow? FindArtifactInDataset(SqliteConnection connection, SqliteTransaction transaction, DatasetRow dataset, string artifactId)
    {
        using var command = Command(
            connection,
            transaction,
            "SELECT " + ArtifactRow.Columns + " FROM artifacts a WHERE a.dataset = $dataset AND a.artifact_id = $id;",
            ("$dataset", dataset.RowId),
            ("$id", artifactId));
        using var reader = command.ExecuteReader();
        return reader.Read() ? ArtifactRow.Read(reader, 0) : null;
    }

    private static (ArtifactRow Artifact, DatasetRow Dataset) RequireArtifactById(SqliteConnection connection, SqliteTransaction transaction, DatasetID? dataset, string artifactId)
    {
        // As in Flyte, the dataset's UUID plays no part in an artifact key; without a dataset the id alone decides.
        var sql = "SELECT " + ArtifactRow.Columns + ", " + DatasetRow.Columns + " FROM artifacts a JOIN datasets d ON d.id = a.dataset WHERE a.artifact_id = $id";
        if (dataset is not null)
        {
            sql += " AND d.project = $project AND d.name = $name AND d.domain = $domain AND d.version = $version";
        }

        using var command = Command(
            connection,
            transaction,
            sql + " ORDER BY a.created_at DESC, a.id DESC LIMIT 1;",
            ("$id", artifactId),
            ("$project", dataset?.Project),
            ("$name", dataset?.Name),
            ("$domain", dataset?.Domain),
            ("$version", dataset?.Version));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            var where = dataset is null ? string.Empty : " in dataset " + Describe(dataset);
            throw new CatalogException(CatalogErrorCode.NotFound, $"Artifact '{artifactId}' does not exist{where}.");
        }

        return (ArtifactRow.Read(reader, 0), DatasetRow.Read(reader, 4));
    }

    private static (ArtifactRow Artifact, DatasetRow Dataset) RequireArtifactByTag(SqliteConnection connection, SqliteTransaction transaction, DatasetID dataset, string tagName)
    {
        using var command = Command(
            connection,
            transaction,
            "SELECT " + ArtifactRow.Columns + ", " + DatasetRow.Columns + """
             FROM tags t
             JOIN datasets d ON d.id = t.dataset
             JOIN artifacts a ON a.id = t.artifact
            WHERE d.project = $project AND d.name = $name AND d.domain = $domain AND d.version = $version AND t.name = $tag;
            """,
            ("$project", dataset.Project),
            ("$name", dataset.Name),
            ("$domain", dataset.Domain),
            ("$version", dataset.Version),
            ("$tag", tagName));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new CatalogException(CatalogErrorCode.NotFound, $"Tag '{tagName}' does not exist in dataset {Describe(dataset)}.");
        }

        return (ArtifactRow.Read(reader, 0), DatasetRow.Read(reader, 4));
    }

    private static Artifact ToArtifact(SqliteConnection connection, SqliteTransaction transaction, ArtifactRow row, DatasetRow dataset)
    {
        var data = ReadData(connection, transaction, row, dataset);
        if (data.Count == 0)
        {
            throw NoData(row, dataset);
        }

        var datasetId = dataset.ToId();
        var artifact = new Artifact
        {
            Id = row.ArtifactId,
            Dataset = datasetId,
            Metadata = ParseMetadata(row.Metadata, $"artifact '{row.ArtifactId}' in dataset {Describe(dataset)}"),
            CreatedAt = ToTimestamp(row.CreatedAt),
        };
        artifact.Data.AddRange(data);

        using (var partitions = Command(
            connection,
            transaction,
            "SELECT key, value FROM partitions WHERE artifact = $artifact ORDER BY position;",
            ("$artifact", row.RowId)))
        using (var reader = partitions.ExecuteReader())
        {
            while (reader.Read())
            {
                artifact.Partitions.Add(new Partition { Key = reader.GetString(0), Value = reader.GetString(1) });
            }
        }

        using (var tags = Command(
            connection,
            transaction,
            "SELECT name FROM tags WHERE artifact = $artifact ORDER BY created_at, name;",
            ("$artifact", row.RowId)))
        using (var reader = tags.ExecuteReader())
        {
            while (reader.Read())
            {
                artifact.Tags.Add(new Tag { Name = reader.GetString(0), ArtifactId = row.ArtifactId, Dataset = datasetId.Clone() });
            }
        }

        return artifact;
    }

    private static List<ArtifactData> ReadData(SqliteConnection connection, SqliteTransaction transaction, ArtifactRow row, DatasetRow dataset)
    {
        using var command = Command(
            connection,
            transaction,
            "SELECT name, value FROM artifact_data WHERE artifact = $artifact ORDER BY position;",
            ("$artifact", row.RowId));
        using var reader = command.ExecuteReader();
        var data = new List<ArtifactData>();
        while (reader.Read())
        {
            var name = reader.GetString(0);
            var what = $"The stored value '{name}' of artifact '{row.ArtifactId}' in dataset {Describe(dataset)}";
            if (reader.GetValue(1) is not byte[] bytes)
            {
                throw new CatalogException(CatalogErrorCode.Internal, $"{what} is corrupt (stored as {reader.GetDataTypeName(1)}, not as bytes).");
            }

            Literal value;
            try
            {
                value = Literal.Parser.ParseFrom(bytes);
            }
            catch (InvalidProtocolBufferException e)
            {
                throw new CatalogException(
                    CatalogErrorCode.Internal,
                    $"{what} is corrupt ({bytes.Length} bytes that are not a flyteidl.core.Literal: {e.Message}).",
                    e);
            }

            data.Add(new ArtifactData { Name = name, Value = value });
        }

        return data;
    }

    private static CatalogException NoData(ArtifactRow row, DatasetRow dataset) =>
        new(CatalogErrorCode.Internal, $"Artifact '{row.ArtifactId}' in dataset {Describe(dataset)} does not have artifact data associated.");
}
