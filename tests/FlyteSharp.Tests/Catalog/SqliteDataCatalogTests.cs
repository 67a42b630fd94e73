using Datacatalog;
using FlyteSharp.Catalog;
using FlyteSharp.Catalog.Embedded;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using static FlyteSharp.Tests.Catalog.CatalogTestData;

namespace FlyteSharp.Tests.Catalog;

/// <summary>What the embedded store does beyond the DataCatalog contract: its file, several stores on one file, faults, eviction.</summary>
public sealed class SqliteDataCatalogTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("flytesharp-sqlite-");
    private readonly List<SqliteDataCatalog> _stores = [];
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DatabasePath => Path.Combine(_directory.FullName, "a", "b", "catalog.db");

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task The_store_creates_its_directory_a_WAL_database_and_records_the_schema_version()
    {
        var store = Open();

        await store.InitializeAsync(Ct);

        Assert.True(File.Exists(DatabasePath));
        Assert.Equal("wal", Scalar("PRAGMA journal_mode;"));
        Assert.Equal((long)SqliteCatalogSchema.CurrentVersion, Scalar("SELECT version FROM schema_version;"));
        Assert.Equal((long)SqliteCatalogSchema.ApplicationId, Scalar("PRAGMA application_id;"));
    }

    [Fact]
    public async Task Entries_survive_reopening_the_file()
    {
        var id = DatasetId();
        var first = Open();
        await first.CreateDatasetAsync(CreateDataset(id), Ct);
        await first.CreateArtifactAsync(CreateArtifact(id, "a1", output: 11), Ct);
        await first.AddTagAsync(AddTag(id, "t", "a1"), Ct);
        first.Dispose();

        var reopened = Open();
        var hit = await reopened.GetArtifactAsync(ByTag(id, "t"), Ct);

        Assert.Equal(11, hit.Artifact.Data[0].Value.Scalar.Primitive.Integer);
    }

    [Fact]
    public async Task Two_stores_on_one_file_racing_AddTag_have_exactly_one_winner_each_round()
    {
        var id = DatasetId();
        // Different busy timeouts give different connection strings, so the stores share no connection pool.
        var one = Open(busyTimeout: TimeSpan.FromSeconds(20));
        var two = Open(busyTimeout: TimeSpan.FromSeconds(21));
        await one.CreateDatasetAsync(CreateDataset(id), Ct);
        await one.CreateArtifactAsync(CreateArtifact(id, "from-one", output: 1), Ct);
        await two.CreateArtifactAsync(CreateArtifact(id, "from-two", output: 2), Ct);

        for (var round = 0; round < 20; round++)
        {
            var tag = "flyte_cached-round-" + round;
            using var start = new ManualResetEventSlim();
            var racers = new[] { (Store: one, Artifact: "from-one"), (Store: two, Artifact: "from-two") }
                .Select(racer => Task.Run(async () =>
                {
                    start.Wait(Ct);
                    try
                    {
                        await racer.Store.AddTagAsync(AddTag(id, tag, racer.Artifact), Ct);
                        return racer.Artifact;
                    }
                    catch (CatalogException e) when (e.Code == CatalogErrorCode.AlreadyExists)
                    {
                        return null;
                    }
                }, Ct))
                .ToArray();
            start.Set();
            var winners = (await Task.WhenAll(racers)).OfType<string>().ToList();

            var winner = Assert.Single(winners);
            Assert.Equal(winner, (await one.GetArtifactAsync(ByTag(id, tag), Ct)).Artifact.Id);
            Assert.Equal(winner, (await two.GetArtifactAsync(ByTag(id, tag), Ct)).Artifact.Id);
        }
    }

    [Fact]
    public async Task Two_stores_creating_one_new_file_and_dataset_at_once_agree()
    {
        var id = DatasetId();
        var stores = new[] { Open(busyTimeout: TimeSpan.FromSeconds(20)), Open(busyTimeout: TimeSpan.FromSeconds(21)) };

        var outcomes = await Task.WhenAll(stores.Select(store => Task.Run(async () =>
        {
            try
            {
                await store.CreateDatasetAsync(CreateDataset(id), Ct);
                return true;
            }
            catch (CatalogException e) when (e.Code == CatalogErrorCode.AlreadyExists)
            {
                return false;
            }
        }, Ct)));

        Assert.Single(outcomes, created => created);
        var seen = await Task.WhenAll(stores.Select(store => store.GetDatasetAsync(new GetDatasetRequest { Dataset = id }, Ct)));
        Assert.Equal(seen[0].Dataset.Id.UUID, seen[1].Dataset.Id.UUID);
    }

    [Fact]
    public async Task A_write_lock_held_past_the_busy_timeout_is_Unavailable_and_the_store_recovers()
    {
        var store = Open(busyTimeout: TimeSpan.FromSeconds(1));
        await store.InitializeAsync(Ct);
        using (var holder = RawConnection())
        {
            using var transaction = holder.BeginTransaction(deferred: false);

            var error = await Assert.ThrowsAsync<CatalogException>(() => store.CreateDatasetAsync(CreateDataset(DatasetId()), Ct));

            Assert.Equal(CatalogErrorCode.Unavailable, error.Code);
            Assert.Contains("locked", error.Message, StringComparison.Ordinal);
        }

        await store.CreateDatasetAsync(CreateDataset(DatasetId()), Ct);
    }

    [Fact]
    public async Task A_put_that_fails_half_way_leaves_nothing_behind()
    {
        var id = DatasetId();
        var store = Open();
        await store.CreateDatasetAsync(CreateDataset(id, "region"), Ct);
        Execute("CREATE TRIGGER fail_partitions BEFORE INSERT ON partitions BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;");
        var request = CreateArtifact(id, "a1");
        request.Artifact.Partitions.Add(new Partition { Key = "region", Value = "eu" });

        var error = await Assert.ThrowsAsync<CatalogException>(() => store.CreateArtifactAsync(request, Ct));

        Assert.Equal(CatalogErrorCode.Internal, error.Code);
        Assert.Contains("disk on fire", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, Scalar("SELECT count(*) FROM artifacts;"));
        Assert.Equal(0L, Scalar("SELECT count(*) FROM artifact_data;"));
        await Assert.ThrowsAsync<CatalogException>(() => store.GetArtifactAsync(ById(id, "a1"), Ct));
    }

    [Fact]
    public async Task A_newer_schema_version_is_refused_with_a_clear_message()
    {
        await Open().InitializeAsync(Ct);
        Execute("UPDATE schema_version SET version = 99;");

        var error = await Assert.ThrowsAsync<CatalogException>(() => Open(busyTimeout: TimeSpan.FromSeconds(2)).InitializeAsync(Ct));

        Assert.Equal(CatalogErrorCode.FailedPrecondition, error.Code);
        Assert.Contains("version 99", error.Message, StringComparison.Ordinal);
        Assert.Contains(DatabasePath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_an_Internal_error_naming_the_file()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        await File.WriteAllTextAsync(DatabasePath, new string('x', 4096), Ct);

        var error = await Assert.ThrowsAsync<CatalogException>(() => Open().GetDatasetAsync(new GetDatasetRequest { Dataset = DatasetId() }, Ct));

        Assert.Equal(CatalogErrorCode.Internal, error.Code);
        Assert.Contains(DatabasePath, error.Message, StringComparison.Ordinal);
        Assert.Contains("not a SQLite database", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_applications_SQLite_database_is_refused()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        Execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT);");

        var error = await Assert.ThrowsAsync<CatalogException>(() => Open().InitializeAsync(Ct));

        Assert.Equal(CatalogErrorCode.FailedPrecondition, error.Code);
        Assert.Contains("not a FlyteSharp catalog", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Corrupt_artifact_metadata_is_an_Internal_error_naming_the_artifact()
    {
        var id = DatasetId();
        var store = Open();
        await store.CreateDatasetAsync(CreateDataset(id), Ct);
        await store.CreateArtifactAsync(CreateArtifact(id, "a1"), Ct);
        Execute("UPDATE artifacts SET serialized_metadata = x'0AFF';");

        var error = await Assert.ThrowsAsync<CatalogException>(() => store.GetArtifactAsync(ById(id, "a1"), Ct));

        Assert.Equal(CatalogErrorCode.Internal, error.Code);
        Assert.Contains("artifact 'a1'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_stored_as_text_is_corrupt_not_an_empty_literal()
    {
        var id = DatasetId();
        var store = Open();
        await store.CreateDatasetAsync(CreateDataset(id), Ct);
        await store.CreateArtifactAsync(CreateArtifact(id, "a1"), Ct);
        Execute("UPDATE artifact_data SET value = 'hello';");

        var error = await Assert.ThrowsAsync<CatalogException>(() => store.GetArtifactAsync(ById(id, "a1"), Ct));

        Assert.Equal(CatalogErrorCode.Internal, error.Code);
        Assert.Contains("'o0'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_an_artifact_removes_its_tags_data_and_partitions()
    {
        var id = DatasetId();
        var store = Open();
        await store.CreateDatasetAsync(CreateDataset(id, "region"), Ct);
        var request = CreateArtifact(id, "a1");
        request.Artifact.Partitions.Add(new Partition { Key = "region", Value = "eu" });
        await store.CreateArtifactAsync(request, Ct);
        await store.AddTagAsync(AddTag(id, "t", "a1"), Ct);

        Assert.True(await store.DeleteArtifactAsync(id, "a1", Ct));
        Assert.False(await store.DeleteArtifactAsync(id, "a1", Ct));

        var error = await Assert.ThrowsAsync<CatalogException>(() => store.GetArtifactAsync(ByTag(id, "t"), Ct));
        Assert.Equal(CatalogErrorCode.NotFound, error.Code);
        Assert.Equal(0L, Scalar("SELECT (SELECT count(*) FROM tags) + (SELECT count(*) FROM artifact_data) + (SELECT count(*) FROM partitions);"));
        await store.GetDatasetAsync(new GetDatasetRequest { Dataset = id }, Ct);
    }

    [Fact]
    public async Task Deleting_a_dataset_removes_everything_in_it_and_its_reservations()
    {
        var id = DatasetId();
        var other = DatasetId("other");
        var store = Open();
        await store.CreateDatasetAsync(CreateDataset(id), Ct);
        await store.CreateDatasetAsync(CreateDataset(other), Ct);
        await store.CreateArtifactAsync(CreateArtifact(id, "a1"), Ct);
        await store.CreateArtifactAsync(CreateArtifact(other, "b1"), Ct);
        await store.AddTagAsync(AddTag(id, "t", "a1"), Ct);
        await store.GetOrExtendReservationAsync(Reserve(id, "t", "owner", TimeSpan.FromSeconds(5)), Ct);

        Assert.True(await store.DeleteDatasetAsync(id, Ct));
        Assert.False(await store.DeleteDatasetAsync(id, Ct));

        var error = await Assert.ThrowsAsync<CatalogException>(() => store.GetDatasetAsync(new GetDatasetRequest { Dataset = id }, Ct));
        Assert.Equal(CatalogErrorCode.NotFound, error.Code);
        Assert.Equal(0L, Scalar("SELECT count(*) FROM reservations;"));
        Assert.Equal(1L, Scalar("SELECT count(*) FROM artifacts;"));
        await store.GetArtifactAsync(ById(other, "b1"), Ct);
        await store.CreateDatasetAsync(CreateDataset(id), Ct);
    }

    [Fact]
    public async Task Entries_older_than_a_cutoff_are_evicted_and_newer_ones_kept()
    {
        var id = DatasetId();
        var store = Open();
        await store.CreateDatasetAsync(CreateDataset(id), Ct);
        await store.CreateArtifactAsync(CreateArtifact(id, "old"), Ct);
        await store.AddTagAsync(AddTag(id, "old-tag", "old"), Ct);
        _time.Advance(TimeSpan.FromDays(10));
        var cutoff = _time.GetUtcNow();
        await store.CreateArtifactAsync(CreateArtifact(id, "new"), Ct);
        await store.AddTagAsync(AddTag(id, "new-tag", "new"), Ct);

        Assert.Equal(1, await store.DeleteArtifactsCreatedBeforeAsync(cutoff, Ct));

        var error = await Assert.ThrowsAsync<CatalogException>(() => store.GetArtifactAsync(ByTag(id, "old-tag"), Ct));
        Assert.Equal(CatalogErrorCode.NotFound, error.Code);
        Assert.Equal("new", (await store.GetArtifactAsync(ByTag(id, "new-tag"), Ct)).Artifact.Id);
    }

    [Fact]
    public async Task Expired_reservations_are_evicted_and_live_ones_kept()
    {
        var store = Open();
        await store.GetOrExtendReservationAsync(Reserve(DatasetId(), "short", "owner", TimeSpan.FromSeconds(1)), Ct);
        await store.GetOrExtendReservationAsync(Reserve(DatasetId(), "long", "owner", TimeSpan.FromSeconds(10)), Ct);
        _time.Advance(TimeSpan.FromSeconds(4));

        Assert.Equal(1, await store.DeleteExpiredReservationsAsync(Ct));
        Assert.Equal("long", Scalar("SELECT tag_name FROM reservations;"));
    }

    [Fact]
    public void Bad_options_are_rejected_when_the_store_is_built()
    {
        Assert.Throws<ArgumentException>(() => new SqliteDataCatalog(" "));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SqliteDataCatalog(new SqliteDataCatalogOptions { DatabasePath = DatabasePath, BusyTimeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SqliteDataCatalog(new SqliteDataCatalogOptions { DatabasePath = DatabasePath, HeartbeatGracePeriodMultiplier = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SqliteDataCatalog(new SqliteDataCatalogOptions { DatabasePath = DatabasePath, MaxReservationHeartbeat = TimeSpan.FromSeconds(-1) }));
    }

    [Fact]
    public async Task A_disposed_store_refuses_calls_and_a_cancelled_call_does_nothing()
    {
        var store = Open();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.CreateDatasetAsync(CreateDataset(DatasetId()), cancelled.Token));
        Assert.False(File.Exists(DatabasePath));

        store.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.GetDatasetAsync(new GetDatasetRequest { Dataset = DatasetId() }, Ct));
    }

    [Fact]
    public async Task Connections_stay_open_between_calls_and_disposing_the_store_closes_every_one()
    {
        var store = Open();
        var id = DatasetId();
        await store.CreateDatasetAsync(CreateDataset(id), Ct);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.GetDatasetAsync(new GetDatasetRequest { Dataset = id }, Ct), Ct)));

        // Leaving WAL mode needs the file to itself: refused while the store holds connections, done once it is disposed.
        var whileOpen = TryLeaveWal();
        store.Dispose();
        var afterDispose = TryLeaveWal();

        Assert.Equal("busy", whileOpen);
        Assert.Equal("delete", afterDispose);
    }

    private SqliteDataCatalog Open(TimeSpan? busyTimeout = null)
    {
        var store = new SqliteDataCatalog(
            new SqliteDataCatalogOptions { DatabasePath = DatabasePath, BusyTimeout = busyTimeout ?? TimeSpan.FromSeconds(30) },
            _time);
        _stores.Add(store);
        return store;
    }

    private SqliteConnection RawConnection()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private string TryLeaveWal()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false, DefaultTimeout = 1 }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 0;";
        command.ExecuteNonQuery();
        command.CommandText = "PRAGMA journal_mode = DELETE;";
        try
        {
            return (string)command.ExecuteScalar()!;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 5)
        {
            return "busy";
        }
    }

    private object? Scalar(string sql)
    {
        using var connection = RawConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private void Execute(string sql)
    {
        using var connection = RawConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
