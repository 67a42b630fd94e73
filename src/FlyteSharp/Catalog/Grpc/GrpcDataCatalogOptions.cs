namespace FlyteSharp.Catalog.Grpc;

/// <summary>Deadlines and retries of <see cref="GrpcDataCatalog"/>.</summary>
public sealed class GrpcDataCatalogOptions
{
    /// <summary>The deadline of one attempt of one call.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times a call is sent at most when it fails with a transient status (Unavailable, DeadlineExceeded, Cancelled by the server).</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The wait before the second attempt; it doubles for each further attempt, with ±10 % jitter.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The largest response accepted on a channel the catalog creates itself (artifacts carry their literals inline;
    /// gRPC's own default is 4 MiB). A borrowed channel keeps its own setting.
    /// </summary>
    public int MaxReceiveMessageSize { get; set; } = 64 * 1024 * 1024;

    internal void Validate()
    {
        if (MaxReceiveMessageSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxReceiveMessageSize), MaxReceiveMessageSize, "The maximum message size must be positive.");
        }

        if (CallTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(CallTimeout), CallTimeout, "The call timeout must be positive.");
        }

        if (MaxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "At least one attempt is needed.");
        }

        if (InitialBackoff < TimeSpan.Zero || MaxBackoff < InitialBackoff)
        {
            throw new ArgumentOutOfRangeException(nameof(InitialBackoff), InitialBackoff, "The backoff must be non-negative and at most MaxBackoff.");
        }
    }
}
