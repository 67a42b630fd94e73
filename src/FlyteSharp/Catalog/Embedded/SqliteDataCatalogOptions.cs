namespace FlyteSharp.Catalog.Embedded;

/// <summary>Settings of the embedded SQLite catalog.</summary>
public sealed class SqliteDataCatalogOptions
{
    /// <summary>The database file. Its directory is created when missing; relative paths resolve against the current directory.</summary>
    public string DatabasePath { get; set; } = Path.Combine(".flyte", "catalog.db");

    /// <summary>
    /// How long a call waits for another connection or process that holds the write lock before failing with
    /// <see cref="CatalogErrorCode.Unavailable"/>.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest heartbeat interval a reservation may ask for (Flyte's <c>max-reservation-heartbeat</c>, 10 s).</summary>
    public TimeSpan MaxReservationHeartbeat { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How many missed heartbeats expire a reservation (Flyte's <c>heartbeat-grace-period-multiplier</c>, 3): a reservation
    /// expires <c>heartbeat × multiplier</c> after it was taken or last extended.
    /// </summary>
    public int HeartbeatGracePeriodMultiplier { get; set; } = 3;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(DatabasePath))
        {
            throw new ArgumentException("The catalog database path is empty.", nameof(DatabasePath));
        }

        if (BusyTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(BusyTimeout), BusyTimeout, "The busy timeout must be positive.");
        }

        if (MaxReservationHeartbeat <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxReservationHeartbeat), MaxReservationHeartbeat, "The maximum reservation heartbeat must be positive.");
        }

        if (HeartbeatGracePeriodMultiplier < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(HeartbeatGracePeriodMultiplier), HeartbeatGracePeriodMultiplier, "The heartbeat grace period multiplier must be at least 1.");
        }
    }
}
