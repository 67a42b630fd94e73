// Table layout after Flyte DataCatalog's models (flyteorg/flyte v1.16.8, datacatalog/pkg/repositories/models):
// datasets, partition_keys, artifacts, artifact_data, partitions, tags, reservations. Differences that suit one
// SQLite file: rows reference their dataset and artifact by integer row id (with ON DELETE CASCADE, so eviction is one
// statement), and artifact_data holds the serialized Literal itself instead of a blob-store location.
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace FlyteSharp.Catalog.Embedded;

/// <summary>Creates and checks the embedded catalog's schema; the version lives in <c>schema_version</c>.</summary>
internal static class SqliteCatalogSchema
{
    /// <summary>The schema this build writes and reads. Bump it with a migration step in <see cref="EnsureCreated"/>.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Marks the file as a FlyteSharp catalog for tools such as <c>file(1)</c> ('FlyC').</summary>
    public const int ApplicationId = 0x466C7943;

    private const string CreateTables = """
        CREATE TABLE IF NOT EXISTS schema_version (
            id         INTEGER PRIMARY KEY CHECK (id = 1),
            version    INTEGER NOT NULL,
            written_by TEXT    NOT NULL
        );
        CREATE TABLE IF NOT EXISTS datasets (
            id                  INTEGER PRIMARY KEY,
            project             TEXT    NOT NULL,
            name                TEXT    NOT NULL,
            domain              TEXT    NOT NULL,
            version             TEXT    NOT NULL,
            uuid                TEXT    NOT NULL UNIQUE,
            serialized_metadata BLOB    NOT NULL,
            created_at          INTEGER NOT NULL,
            UNIQUE (project, name, domain, version)
        );
        CREATE INDEX IF NOT EXISTS datasets_created_at_idx ON datasets (created_at);
        CREATE TABLE IF NOT EXISTS partition_keys (
            dataset  INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name     TEXT    NOT NULL,
            PRIMARY KEY (dataset, name)
        );
        CREATE TABLE IF NOT EXISTS artifacts (
            id                  INTEGER PRIMARY KEY,
            dataset             INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
            artifact_id         TEXT    NOT NULL,
            serialized_metadata BLOB    NOT NULL,
            created_at          INTEGER NOT NULL,
            UNIQUE (dataset, artifact_id)
        );
        CREATE INDEX IF NOT EXISTS artifacts_artifact_id_idx ON artifacts (artifact_id);
        CREATE INDEX IF NOT EXISTS artifacts_created_at_idx ON artifacts (created_at);
        CREATE TABLE IF NOT EXISTS artifact_data (
            artifact INTEGER NOT NULL REFERENCES artifacts (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name     TEXT    NOT NULL,
            value    BLOB    NOT NULL,
            PRIMARY KEY (artifact, name)
        );
        CREATE TABLE IF NOT EXISTS partitions (
            artifact INTEGER NOT NULL REFERENCES artifacts (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            key      TEXT    NOT NULL,
            value    TEXT    NOT NULL,
            PRIMARY KEY (artifact, key)
        );
        CREATE INDEX IF NOT EXISTS partitions_key_value_idx ON partitions (key, value);
        CREATE TABLE IF NOT EXISTS tags (
            dataset    INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
            name       TEXT    NOT NULL,
            artifact   INTEGER NOT NULL REFERENCES artifacts (id) ON DELETE CASCADE,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (dataset, name)
        );
        CREATE INDEX IF NOT EXISTS tags_artifact_idx ON tags (artifact);
        CREATE TABLE IF NOT EXISTS reservations (
            project    TEXT    NOT NULL,
            name       TEXT    NOT NULL,
            domain     TEXT    NOT NULL,
            version    TEXT    NOT NULL,
            tag_name   TEXT    NOT NULL,
            owner_id   TEXT    NOT NULL,
            expires_at INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (project, name, domain, version, tag_name)
        );
        """;

    /// <summary>
    /// Creates the tables in a fresh file, or checks the version of an existing one. Runs in one IMMEDIATE
    /// transaction, so two processes opening a new file at once create it exactly once.
    /// </summary>
    public static void EnsureCreated(SqliteConnection connection, string databasePath)
    {
        using (var wal = connection.CreateCommand())
        {
            // WAL is persistent in the file; readers then never block the one writer, across processes.
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteScalar();
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        var existing = ReadVersion(connection, transaction);
        if (existing is null)
        {
            if (HasForeignTables(connection, transaction))
            {
                throw new CatalogException(
                    CatalogErrorCode.FailedPrecondition,
                    $"'{databasePath}' is a SQLite database but not a FlyteSharp catalog (it has tables and no schema_version); "
                    + "point the catalog at a new file.");
            }

            using var create = connection.CreateCommand();
            create.Transaction = transaction;
            create.CommandText = CreateTables
                + string.Create(CultureInfo.InvariantCulture, $"PRAGMA application_id = {ApplicationId};")
                + "INSERT INTO schema_version (id, version, written_by) VALUES (1, $version, $writer);";
            create.Parameters.AddWithValue("$version", CurrentVersion);
            create.Parameters.AddWithValue("$writer", "FlyteSharp " + typeof(SqliteCatalogSchema).Assembly.GetName().Version);
            create.ExecuteNonQuery();
        }
        else if (existing.Value > CurrentVersion)
        {
            throw new CatalogException(
                CatalogErrorCode.FailedPrecondition,
                $"'{databasePath}' has catalog schema version {existing.Value}, written by a newer FlyteSharp; "
                + $"this build reads version {CurrentVersion}. Upgrade FlyteSharp or use another file.");
        }
        else if (existing.Value < 1)
        {
            throw new CatalogException(
                CatalogErrorCode.Internal,
                $"'{databasePath}' records an invalid catalog schema version {existing.Value}.");
        }

        transaction.Commit();
    }

    private static int? ReadVersion(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version';";
        if ((long)command.ExecuteScalar()! == 0)
        {
            return null;
        }

        command.CommandText = "SELECT version FROM schema_version WHERE id = 1;";
        var version = command.ExecuteScalar();
        return version is null or DBNull ? null : Convert.ToInt32(version, CultureInfo.InvariantCulture);
    }

    private static bool HasForeignTables(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT count(*) FROM sqlite_master
            WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_version';
            """;
        return (long)command.ExecuteScalar()! > 0;
    }
}
