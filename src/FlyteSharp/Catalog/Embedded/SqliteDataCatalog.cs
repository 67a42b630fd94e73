// The embedded DataCatalog: Flyte DataCatalog's semantics (flyteorg/flyte v1.16.8, datacatalog/pkg/manager/impl and
// datacatalog/pkg/repositories/gormimpl) over one SQLite file. The RPCs live in the partial files beside this one.
using System.Globalization;
using Datacatalog;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Data.Sqlite;

namespace FlyteSharp.Catalog.Embedded;

/// <summary>
/// A Flyte DataCatalog in a local SQLite file: zero setup, safe for several threads and several processes on one file
/// (WAL journal, busy timeout, every call one transaction, so a crash mid-call leaves the previous state whole).
/// </summary>
/// <remarks>
/// SQLite has no asynchronous I/O, so calls complete synchronously and return completed tasks. Dispose the catalog to
/// close its pooled connections (and release the file).
/// </remarks>
public sealed partial class SqliteDataCatalog : IDataCatalog, IDisposable
{
    /// <summary>The page size of list calls without pagination or with limit 0 (Flyte's <c>MaxPageLimit</c>).</summary>
    public const int DefaultPageSize = 50;

    private readonly string _connectionString;
    private readonly TimeSpan _busyTimeout;
    private readonly TimeSpan _maxHeartbeat;
    private readonly int _graceMultiplier;
    private readonly TimeProvider _time;
    private readonly Lock _initializeLock = new();
    private volatile bool _initialized;
    private volatile bool _disposed;

    /// <summary>Opens (lazily creating) the catalog in <paramref name="databasePath"/> with default settings.</summary>
    public SqliteDataCatalog(string databasePath, TimeProvider? timeProvider = null)
        : this(new SqliteDataCatalogOptions { DatabasePath = databasePath }, timeProvider)
    {
    }

    /// <summary>Opens (lazily creating) the catalog described by <paramref name="options"/>.</summary>
    /// <param name="options">The settings; copied, so later changes have no effect.</param>
    /// <param name="timeProvider">The clock for creation times and reservation expiry; the system clock when null.</param>
    public SqliteDataCatalog(SqliteDataCatalogOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        DatabasePath = Path.GetFullPath(options.DatabasePath);
        _busyTimeout = options.BusyTimeout;
        _maxHeartbeat = options.MaxReservationHeartbeat;
        _graceMultiplier = options.HeartbeatGracePeriodMultiplier;
        _time = timeProvider ?? TimeProvider.System;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = (int)Math.Ceiling(_busyTimeout.TotalSeconds),
        }.ToString();
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>Creates the file and schema now instead of on the first call; reports a bad file early.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) =>
        Run("Initialize", TransactionKind.Read, true, static _ => { }, static (_, _, _) => true, cancellationToken);

    /// <summary>Closes the pooled connections of this file.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        CloseIdleConnections();
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private enum TransactionKind
    {
        /// <summary>A deferred transaction: one consistent snapshot for the reads of a call.</summary>
        Read,

        /// <summary>An IMMEDIATE transaction: takes the write lock first, so read-then-write never races another writer.</summary>
        Write,
    }

    /// <summary>
    /// Validates <paramref name="request"/>, then runs <paramref name="body"/> in one transaction. Every failure, bad input
    /// included, comes back as a faulted task, never as a synchronous throw.
    /// </summary>
    private Task<T> Run<TRequest, T>(
        string operation,
        TransactionKind kind,
        TRequest request,
        Action<TRequest> validate,
        Func<TRequest, SqliteConnection, SqliteTransaction, T> body,
        CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            ArgumentNullException.ThrowIfNull(request);
            validate(request);
            ObjectDisposedException.ThrowIf(_disposed, this);
            EnsureInitialized();
            var connection = Rent();
            var reusable = false;
            try
            {
                T result;
                using (var transaction = connection.BeginTransaction(deferred: kind == TransactionKind.Read))
                {
                    try
                    {
                        result = body(request, connection, transaction);
                        transaction.Commit();
                    }
                    catch (CatalogException)
                    {
                        // An answer such as NotFound, not a broken connection: it rolls back and serves the next call.
                        reusable = true;
                        throw;
                    }
                }

                reusable = true;
                return Task.FromResult(result);
            }
            finally
            {
                Return(connection, reusable);
            }
        }
        catch (SqliteException e)
        {
            return Task.FromException<T>(Translate(e, operation));
        }
        catch (Exception e)
        {
            return Task.FromException<T>(e);
        }
    }

    private void EnsureInitialized()
    {
        if (_initialized)
        {
            return;
        }

        lock (_initializeLock)
        {
            if (_initialized)
            {
                return;
            }

            var directory = Path.GetDirectoryName(DatabasePath);
            if (!string.IsNullOrEmpty(directory))
            {
                try
                {
                    Directory.CreateDirectory(directory);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new CatalogException(CatalogErrorCode.Internal, $"Cannot create the catalog directory '{directory}': {e.Message}", e);
                }
            }

            var connection = Rent();
            var created = false;
            try
            {
                SqliteCatalogSchema.EnsureCreated(connection, DatabasePath);
                created = true;
            }
            finally
            {
                Return(connection, created);
            }

            _initialized = true;
        }
    }

    private CatalogException Translate(SqliteException e, string operation)
    {
        const int busy = 5, locked = 6, readOnly = 8, corrupt = 11, full = 13, cantOpen = 14, constraint = 19, notADatabase = 26;
        const int primaryKeyViolation = 1555, uniqueViolation = 2067;
        return e.SqliteErrorCode switch
        {
            busy or locked => new CatalogException(
                CatalogErrorCode.Unavailable,
                $"{operation}: the catalog database '{DatabasePath}' stayed locked by another connection or process for longer than the busy timeout ({_busyTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s).",
                e),
            corrupt or notADatabase => new CatalogException(
                CatalogErrorCode.Internal,
                $"{operation}: '{DatabasePath}' is corrupt or is not a SQLite database ({e.Message}).",
                e),
            constraint when e.SqliteExtendedErrorCode is uniqueViolation or primaryKeyViolation =>
                new CatalogException(CatalogErrorCode.AlreadyExists, $"{operation}: {e.Message}", e),
            readOnly or full or cantOpen => new CatalogException(
                CatalogErrorCode.Internal,
                $"{operation}: cannot write the catalog database '{DatabasePath}' ({e.Message}).",
                e),
            _ => new CatalogException(CatalogErrorCode.Internal, $"{operation} failed on '{DatabasePath}': {e.Message}", e),
        };
    }

    private long NowMicros() => ToUnixMicros(_time.GetUtcNow());

    private static long ToUnixMicros(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    private static DateTimeOffset FromUnixMicros(long micros) => DateTimeOffset.UnixEpoch.AddTicks(micros * TimeSpan.TicksPerMicrosecond);

    private static Timestamp ToTimestamp(long micros) => Timestamp.FromDateTimeOffset(FromUnixMicros(micros));

    private static CatalogCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = connection is PooledConnection pooled ? pooled.Statement(sql) : CatalogCommand.Create(connection, sql);
        command.Bind(transaction, parameters);
        return command;
    }

    private static int Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private static long InsertReturningRowId(SqliteConnection connection, SqliteTransaction transaction, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var command = Command(connection, transaction, sql + " RETURNING rowid;", parameters);
        return (long)command.ExecuteScalar()!;
    }

    private static Metadata ParseMetadata(byte[]? bytes, string owner)
    {
        if (bytes is null)
        {
            throw new CatalogException(CatalogErrorCode.Internal, $"The stored metadata of {owner} is corrupt (not stored as bytes).");
        }

        try
        {
            return Metadata.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new CatalogException(CatalogErrorCode.Internal, $"The stored metadata of {owner} is corrupt: {e.Message}", e);
        }
    }

    private static string Describe(DatasetID id) => $"'{id.Project}/{id.Domain}/{id.Name}/{id.Version}'";

    private static string Describe(DatasetRow dataset) => $"'{dataset.Project}/{dataset.Domain}/{dataset.Name}/{dataset.Version}'";

    /// <summary>A row of <c>datasets</c>.</summary>
    private sealed record DatasetRow(long RowId, string Project, string Name, string Domain, string Version, string Uuid, byte[]? Metadata, long CreatedAt)
    {
        public const string Columns = "d.id, d.project, d.name, d.domain, d.version, d.uuid, d.serialized_metadata, d.created_at";

        public static DatasetRow Read(SqliteDataReader reader, int first) => new(
            reader.GetInt64(first),
            reader.GetString(first + 1),
            reader.GetString(first + 2),
            reader.GetString(first + 3),
            reader.GetString(first + 4),
            reader.GetString(first + 5),
            reader.GetValue(first + 6) as byte[],
            reader.GetInt64(first + 7));

        public DatasetID ToId() => new() { Project = Project, Domain = Domain, Name = Name, Version = Version, UUID = Uuid };
    }

    /// <summary>A row of <c>artifacts</c>.</summary>
    private sealed record ArtifactRow(long RowId, string ArtifactId, byte[]? Metadata, long CreatedAt)
    {
        public const string Columns = "a.id, a.artifact_id, a.serialized_metadata, a.created_at";

        public static ArtifactRow Read(SqliteDataReader reader, int first) => new(
            reader.GetInt64(first),
            reader.GetString(first + 1),
            reader.GetValue(first + 2) as byte[],
            reader.GetInt64(first + 3));
    }
}
