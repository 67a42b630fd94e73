using System.Diagnostics;
using FlyteSharp.Catalog;
using FlyteSharp.Catalog.Embedded;
using static FlyteSharp.Tests.Catalog.CatalogTestData;

namespace FlyteSharp.Integration.Tests.Catalog;

/// <summary>
/// The embedded store against a writer in another OS process on the same file. SQLite's locks between processes are
/// file locks, which two connections inside one process never exercise. The other process is Python's standard
/// sqlite3 module (python3 is part of the build machine).
/// </summary>
public sealed class CrossProcessSqliteTests : IDisposable
{
    // Takes the write lock, says so, keeps it for the given seconds, then commits.
    private const string HoldWriteLock = """
        import sqlite3, sys, time
        db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO reservations VALUES ('p','n','d','v','other-process','python',4000000000000000,0,0)")
        print("locked", flush=True)
        time.sleep(float(sys.argv[2]))
        db.execute("COMMIT")
        print("committed", flush=True)
        """;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("flytesharp-xproc-");
    private readonly List<SqliteDataCatalog> _stores = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DatabasePath => Path.Combine(_directory.FullName, "catalog.db");

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task A_put_waits_for_another_process_holding_the_write_lock_then_succeeds()
    {
        var store = Open(TimeSpan.FromSeconds(30));
        var id = DatasetId();
        await store.CreateDatasetAsync(CreateDataset(id), Ct);
        await store.CreateArtifactAsync(CreateArtifact(id, "a1"), Ct);

        using var other = await HoldLockAsync(seconds: 1.5);
        var clock = Stopwatch.StartNew();
        await store.AddTagAsync(AddTag(id, "t", "a1"), Ct);
        var waited = clock.Elapsed;
        await other.WaitForExitAsync(Ct);

        Assert.Equal(0, other.ExitCode);
        Assert.True(waited >= TimeSpan.FromSeconds(1), $"the put finished after {waited} while the other process held the lock for 1.5 s");
        Assert.Equal("a1", (await store.GetArtifactAsync(ByTag(id, "t"), Ct)).Artifact.Id);
        // The other process's committed write is visible here: its reservation (valid until 2096) is held by it.
        var dataset = new Datacatalog.DatasetID { Project = "p", Name = "n", Domain = "d", Version = "v" };
        var reservation = await store.GetOrExtendReservationAsync(Reserve(dataset, "other-process", "me", TimeSpan.FromSeconds(5)), Ct);
        Assert.Equal("python", reservation.Reservation.OwnerId);
    }

    [Fact]
    public async Task A_lock_held_by_another_process_past_the_busy_timeout_is_Unavailable()
    {
        var store = Open(TimeSpan.FromSeconds(1));
        await store.InitializeAsync(Ct);

        using var other = await HoldLockAsync(seconds: 4);
        var error = await Assert.ThrowsAsync<CatalogException>(() => store.CreateDatasetAsync(CreateDataset(DatasetId()), Ct));
        await other.WaitForExitAsync(Ct);

        Assert.Equal(CatalogErrorCode.Unavailable, error.Code);
        Assert.Contains("another connection or process", error.Message, StringComparison.Ordinal);
        await store.CreateDatasetAsync(CreateDataset(DatasetId()), Ct);
    }

    private SqliteDataCatalog Open(TimeSpan busyTimeout)
    {
        var store = new SqliteDataCatalog(new SqliteDataCatalogOptions { DatabasePath = DatabasePath, BusyTimeout = busyTimeout });
        _stores.Add(store);
        return store;
    }

    /// <summary>Starts the other process and returns once it holds the lock.</summary>
    private async Task<Process> HoldLockAsync(double seconds)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(HoldWriteLock);
        start.ArgumentList.Add(DatabasePath);
        start.ArgumentList.Add(seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var line = await process.StandardOutput.ReadLineAsync(Ct);
        if (line != "locked")
        {
            var stderr = await process.StandardError.ReadToEndAsync(Ct);
            process.Dispose();
            throw new InvalidOperationException($"The lock-holding python3 process failed: {line} {stderr}");
        }

        return process;
    }
}
