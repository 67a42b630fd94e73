using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace FlyteSharp.Catalog.Embedded;

// Connection reuse. A lookup is a handful of small indexed queries; opening a connection, setting its pragmas and
// parsing each statement cost more than running them. So connections stay open between calls with their pragmas set,
// and each keeps its statements prepared, keyed by SQL text. Each call still has a connection of its own and one
// transaction, exactly as before; only the set-up work is done once per connection instead of once per call.
public sealed partial class SqliteDataCatalog
{
    /// <summary>Idle connections kept open; more concurrent calls than this open extra ones and close them after.</summary>
    private const int MaxIdleConnections = 16;

    private readonly ConcurrentStack<PooledConnection> _idle = new();

    private PooledConnection Rent()
    {
        if (_idle.TryPop(out var idle))
        {
            return idle;
        }

        var connection = new PooledConnection(_connectionString);
        try
        {
            connection.Open();
            using var pragmas = connection.CreateCommand();
            // busy_timeout makes SQLite itself wait for a lock held by another process; synchronous=FULL makes a
            // committed put survive power loss, not only a process crash. Both hold for the connection's lifetime.
            pragmas.CommandText = string.Create(
                CultureInfo.InvariantCulture,
                $"PRAGMA busy_timeout = {(long)_busyTimeout.TotalMilliseconds}; PRAGMA synchronous = FULL;");
            pragmas.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Keeps a connection for the next call, or closes it (after a failure, when disposed, or when enough are idle).</summary>
    private void Return(PooledConnection connection, bool reusable)
    {
        if (reusable && !_disposed && _idle.Count < MaxIdleConnections)
        {
            _idle.Push(connection);
            // Dispose may have drained the stack between the check and the push; never leave a connection open after it.
            if (_disposed)
            {
                CloseIdleConnections();
            }

            return;
        }

        connection.Dispose();
    }

    private void CloseIdleConnections()
    {
        while (_idle.TryPop(out var connection))
        {
            connection.Dispose();
        }
    }

    /// <summary>An open connection of this catalog with its prepared statements.</summary>
    private sealed class PooledConnection(string connectionString) : SqliteConnection(connectionString)
    {
        /// <summary>Enough for every fixed statement of the catalog; list calls with many filters go uncached beyond it.</summary>
        private const int MaxStatements = 64;

        private readonly Dictionary<string, PreparedStatement> _statements = new(StringComparer.Ordinal);

        /// <summary>The prepared command for <paramref name="sql"/>, or a fresh one while that one is busy (a nested use).</summary>
        public CatalogCommand Statement(string sql)
        {
            if (_statements.TryGetValue(sql, out var statement))
            {
                return statement.InUse ? CatalogCommand.Create(this, sql) : statement.Acquire();
            }

            if (_statements.Count >= MaxStatements)
            {
                return CatalogCommand.Create(this, sql);
            }

            var command = CreateCommand();
            command.CommandText = sql;
            statement = new PreparedStatement(command);
            _statements.Add(sql, statement);
            return statement.Acquire();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                foreach (var statement in _statements.Values)
                {
                    statement.Command.Dispose();
                }

                _statements.Clear();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>A command kept prepared on its connection; used by one call at a time, as the connection is.</summary>
    private sealed class PreparedStatement(SqliteCommand command)
    {
        public SqliteCommand Command { get; } = command;

        public bool InUse { get; private set; }

        public CatalogCommand Acquire()
        {
            InUse = true;
            return new CatalogCommand(Command, this);
        }

        public void Release()
        {
            // Values such as artifact bytes must not stay reachable from an idle connection.
            Command.Parameters.Clear();
            Command.Transaction = null;
            InUse = false;
        }
    }

    /// <summary>
    /// A command for one use: disposing it releases a prepared statement for the next call, or disposes a one-off command.
    /// </summary>
    private readonly struct CatalogCommand : IDisposable
    {
        private readonly SqliteCommand _command;
        private readonly PreparedStatement? _prepared;

        public CatalogCommand(SqliteCommand command, PreparedStatement? prepared)
        {
            _command = command;
            _prepared = prepared;
        }

        public SqliteParameterCollection Parameters => _command.Parameters;

        public static CatalogCommand Create(SqliteConnection connection, string sql)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            return new CatalogCommand(command, null);
        }

        public void Bind(SqliteTransaction transaction, ReadOnlySpan<(string Name, object? Value)> parameters)
        {
            _command.Transaction = transaction;
            _command.Parameters.Clear();
            foreach (var (name, value) in parameters)
            {
                _command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }
        }

        public SqliteDataReader ExecuteReader() => _command.ExecuteReader();

        public object? ExecuteScalar() => _command.ExecuteScalar();

        public int ExecuteNonQuery() => _command.ExecuteNonQuery();

        public void Dispose()
        {
            if (_prepared is null)
            {
                _command.Dispose();
            }
            else
            {
                _prepared.Release();
            }
        }
    }
}
