// Mirrors flyteorg/flyte v1.16.8 datacatalog/pkg/manager/impl/dataset_manager.go and
// datacatalog/pkg/repositories/gormimpl/dataset.go: create (AlreadyExists on a taken key or UUID), get (NotFound,
// and a given UUID must match as well), list (dataset-property filters, offset tokens, creation-time order).
using System.Globalization;
using System.Text;
using Datacatalog;
using Google.Protobuf;
using Microsoft.Data.Sqlite;

namespace FlyteSharp.Catalog.Embedded;

public sealed partial class SqliteDataCatalog
{
    /// <inheritdoc />
    public Task<CreateDatasetResponse> CreateDatasetAsync(CreateDatasetRequest request, CancellationToken cancellationToken = default) =>
        Run("CreateDataset", TransactionKind.Write, request, CatalogRequestValidator.Validate, CreateDataset, cancellationToken);

    /// <inheritdoc />
    public Task<GetDatasetResponse> GetDatasetAsync(GetDatasetRequest request, CancellationToken cancellationToken = default) =>
        Run("GetDataset", TransactionKind.Read, request, CatalogRequestValidator.Validate, GetDataset, cancellationToken);

    /// <inheritdoc />
    public Task<ListDatasetsResponse> ListDatasetsAsync(ListDatasetsRequest request, CancellationToken cancellationToken = default) =>
        Run("ListDatasets", TransactionKind.Read, request, CatalogRequestValidator.Validate, ListDatasets, cancellationToken);

    private CreateDatasetResponse CreateDataset(CreateDatasetRequest request, SqliteConnection connection, SqliteTransaction transaction)
    {
        var dataset = request.Dataset;
        var key = dataset.Id.Clone();
        key.UUID = string.Empty;
        if (FindDataset(connection, transaction, key) is not null)
        {
            throw new CatalogException(CatalogErrorCode.AlreadyExists, $"Dataset {Describe(dataset.Id)} already exists.");
        }

        var uuid = (dataset.Id.UUID.Length == 0 ? Guid.NewGuid() : Guid.Parse(dataset.Id.UUID)).ToString("D");
        using (var taken = Command(connection, transaction, "SELECT count(*) FROM datasets WHERE uuid = $uuid;", ("$uuid", uuid)))
        {
            if ((long)taken.ExecuteScalar()! > 0)
            {
                throw new CatalogException(CatalogErrorCode.AlreadyExists, $"A dataset with UUID {uuid} already exists.");
            }
        }

        var rowId = InsertReturningRowId(
            connection,
            transaction,
            """
            INSERT INTO datasets (project, name, domain, version, uuid, serialized_metadata, created_at)
            VALUES ($project, $name, $domain, $version, $uuid, $metadata, $now)
            """,
            ("$project", dataset.Id.Project),
            ("$name", dataset.Id.Name),
            ("$domain", dataset.Id.Domain),
            ("$version", dataset.Id.Version),
            ("$uuid", uuid),
            ("$metadata", (dataset.Metadata ?? new Metadata()).ToByteArray()),
            ("$now", NowMicros()));
        for (var i = 0; i < dataset.PartitionKeys.Count; i++)
        {
            Execute(
                connection,
                transaction,
                "INSERT INTO partition_keys (dataset, position, name) VALUES ($dataset, $position, $name);",
                ("$dataset", rowId),
                ("$position", i),
                ("$name", dataset.PartitionKeys[i]));
        }

        return new CreateDatasetResponse();
    }

    private static GetDatasetResponse GetDataset(GetDatasetRequest request, SqliteConnection connection, SqliteTransaction transaction)
    {
        var row = RequireDataset(connection, transaction, request.Dataset);
        return new GetDatasetResponse { Dataset = ToDataset(connection, transaction, row) };
    }

    private static ListDatasetsResponse ListDatasets(ListDatasetsRequest request, SqliteConnection connection, SqliteTransaction transaction)
    {
        var page = Page.From(request.Pagination);
        var sql = new StringBuilder("SELECT ").Append(DatasetRow.Columns).Append(" FROM datasets d WHERE 1 = 1");
        var parameters = new List<(string, object?)>();
        foreach (var filter in request.Filter?.Filters ?? [])
        {
            var property = filter.DatasetFilter;
            var (column, value) = property.PropertyCase switch
            {
                DatasetPropertyFilter.PropertyOneofCase.Project => ("project", property.Project),
                DatasetPropertyFilter.PropertyOneofCase.Domain => ("domain", property.Domain),
                DatasetPropertyFilter.PropertyOneofCase.Name => ("name", property.Name),
                _ => ("version", property.Version),
            };
            var parameter = "$f" + parameters.Count.ToString(CultureInfo.InvariantCulture);
            sql.Append(" AND d.").Append(column).Append(" = ").Append(parameter);
            parameters.Add((parameter, value));
        }

        sql.Append(page.OrderAndLimit("d"));
        var rows = new List<DatasetRow>();
        using (var command = Command(connection, transaction, sql.ToString(), [.. parameters]))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add(DatasetRow.Read(reader, 0));
            }
        }

        var response = new ListDatasetsResponse { NextToken = page.NextToken(rows.Count) };
        response.Datasets.AddRange(rows.Select(row => ToDataset(connection, transaction, row)));
        return response;
    }

    /// <summary>Finds a dataset by project, domain, name and version (and UUID when the id carries one).</summary>
    private static DatasetRow? FindDataset(SqliteConnection connection, SqliteTransaction transaction, DatasetID id)
    {
        var sql = "SELECT " + DatasetRow.Columns + """
             FROM datasets d
            WHERE d.project = $project AND d.name = $name AND d.domain = $domain AND d.version = $version
            """;
        if (id.UUID.Length > 0)
        {
            sql += " AND d.uuid = $uuid";
        }

        var uuid = Guid.TryParse(id.UUID, out var parsed) ? parsed.ToString("D") : id.UUID;
        using var command = Command(
            connection,
            transaction,
            sql,
            ("$project", id.Project),
            ("$name", id.Name),
            ("$domain", id.Domain),
            ("$version", id.Version),
            ("$uuid", uuid));
        using var reader = command.ExecuteReader();
        return reader.Read() ? DatasetRow.Read(reader, 0) : null;
    }

    private static DatasetRow RequireDataset(SqliteConnection connection, SqliteTransaction transaction, DatasetID id) =>
        FindDataset(connection, transaction, id)
        ?? throw new CatalogException(CatalogErrorCode.NotFound, $"Dataset {Describe(id)}{(id.UUID.Length > 0 ? " with UUID " + id.UUID : string.Empty)} does not exist.");

    private static List<string> ReadPartitionKeys(SqliteConnection connection, SqliteTransaction transaction, long datasetRowId)
    {
        using var command = Command(
            connection,
            transaction,
            "SELECT name FROM partition_keys WHERE dataset = $dataset ORDER BY position;",
            ("$dataset", datasetRowId));
        using var reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    private static Dataset ToDataset(SqliteConnection connection, SqliteTransaction transaction, DatasetRow row)
    {
        var dataset = new Dataset
        {
            Id = row.ToId(),
            Metadata = ParseMetadata(row.Metadata, "dataset " + Describe(row)),
        };
        dataset.PartitionKeys.AddRange(ReadPartitionKeys(connection, transaction, row.RowId));
        return dataset;
    }

    /// <summary>Offset pagination as Flyte's <c>ApplyPagination</c> does it: the token is the offset of the page.</summary>
    private readonly record struct Page(int Offset, int Limit, bool Ascending)
    {
        public static Page From(PaginationOptions? options)
        {
            if (options is null)
            {
                return new Page(0, DefaultPageSize, Ascending: false);
            }

            // Limit 0 lists nothing in Flyte (SQL LIMIT 0); here it means "the default page", which is what a client means.
            var limit = options.Limit == 0 ? DefaultPageSize : (int)Math.Min(options.Limit, int.MaxValue);
            return new Page(
                CatalogRequestValidator.ParseToken(options.Token),
                limit,
                options.SortOrder == PaginationOptions.Types.SortOrder.Ascending);
        }

        public string OrderAndLimit(string alias)
        {
            var direction = Ascending ? "ASC" : "DESC";
            return string.Create(
                CultureInfo.InvariantCulture,
                $" ORDER BY {alias}.created_at {direction}, {alias}.id {direction} LIMIT {Limit} OFFSET {Offset};");
        }

        public string NextToken(int count) => ((long)Offset + count).ToString(CultureInfo.InvariantCulture);
    }
}
