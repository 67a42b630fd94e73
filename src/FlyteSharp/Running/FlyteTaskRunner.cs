using System.Diagnostics;
using Datacatalog;
using Flyteidl.Core;
using FlyteSharp.Caching;
using FlyteSharp.Catalog;
using FlyteSharp.Configuration;
using FlyteSharp.Storage;
using FlyteSharp.Telemetry;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FlyteSharp.Running;

/// <summary>
/// Runs tasks with Flyte's memoization: tag the inputs, look the artifact up in the task's dataset, validate a hit
/// with the lenient Blob rule, otherwise execute, make output blobs durable and store the outputs.
/// Mirrors flytepropeller's catalog client (pkg/controller/nodes/catalog/datacatalog/datacatalog.go, v1.16.8) with
/// one deliberate change: a hit that fails validation is a logged miss whose fresh result replaces the entry.
/// </summary>
internal sealed partial class FlyteTaskRunner : IFlyteTaskRunner
{
    private readonly IDataCatalog catalog;
    private readonly IBlobStore blobs;
    private readonly FlyteOptions options;
    private readonly FlyteTelemetry telemetry;
    private readonly IEnumerable<IFlyteTaskObserver> observers;
    private readonly TimeProvider time;
    private readonly ILogger<FlyteTaskRunner> logger;
    private readonly CachedOutputValidator validator;
    private readonly OutputBlobPersister persister;
    private readonly string runnerId = $"flytesharp-{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    public FlyteTaskRunner(
        IDataCatalog catalog,
        IBlobStore blobs,
        IOptions<FlyteOptions> options,
        FlyteTelemetry telemetry,
        IEnumerable<IFlyteTaskObserver> observers,
        TimeProvider time,
        ILogger<FlyteTaskRunner>? logger = null)
    {
        this.catalog = catalog;
        this.blobs = blobs;
        this.options = options.Value;
        this.telemetry = telemetry;
        this.observers = observers;
        this.time = time;
        // Logging is optional: a host without AddLogging still gets a working runner.
        this.logger = logger ?? NullLogger<FlyteTaskRunner>.Instance;
        validator = new CachedOutputValidator(blobs);
        persister = new OutputBlobPersister(blobs);
    }

    public async Task<LiteralMap> RunAsync(
        FlyteTaskDescriptor task,
        LiteralMap inputs,
        Func<CancellationToken, Task<LiteralMap>> execute,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(execute);
        cancellationToken.ThrowIfCancellationRequested();

        // The span's name is only built when someone listens: a cache hit should not pay for it otherwise.
        using var activity = telemetry.ActivitySource.HasListeners()
            ? telemetry.ActivitySource.StartActivity("flyte.task " + task.TaskName, ActivityKind.Internal)
            : null;
        activity?.SetTag("flyte.task.name", task.TaskName);
        var started = time.GetTimestamp();

        FlyteTaskRun run;
        if (task.Reference is { } reference)
        {
            run = await RunReferenceAsync(task, reference, inputs, started, cancellationToken).ConfigureAwait(false);
        }
        else if (!task.Cache || options.Cache.Disabled || task.DatasetVersion is null)
        {
            var outputs = await execute(cancellationToken).ConfigureAwait(false);
            run = new FlyteTaskRun(task.TaskName, CacheLookupStatus.Disabled, CachePutStatus.None, null, true, time.GetElapsedTime(started), null, null, outputs);
        }
        else
        {
            run = await RunCachedAsync(task, inputs, execute, started, cancellationToken).ConfigureAwait(false);
        }

        activity?.SetTag("flyte.cache.status", run.Lookup.ToString());
        activity?.SetTag("flyte.cache.put", run.Put.ToString());
        if (run.Reason is not null)
        {
            activity?.SetTag("flyte.cache.reason", run.Reason);
        }

        if (run.Tag is not null)
        {
            activity?.SetTag("flyte.cache.tag", run.Tag);
            activity?.SetTag("flyte.cache.dataset_version", run.DatasetVersion);
        }

        foreach (var observer in observers)
        {
            observer.OnCompleted(run);
        }

        return run.Outputs;
    }

    private async Task<FlyteTaskRun> RunCachedAsync(
        FlyteTaskDescriptor task,
        LiteralMap inputs,
        Func<CancellationToken, Task<LiteralMap>> execute,
        long started,
        CancellationToken cancellationToken)
    {
        var tag = CacheTag.Compute(inputs, task.CacheIgnoreInputs);
        var dataset = new DatasetID
        {
            Project = options.Project,
            Domain = options.Domain,
            Name = task.DatasetName,
            Version = task.DatasetVersion!,
        };

        var lookup = CacheLookupStatus.Skipped;
        string? reason = null;
        if (!options.Cache.Overwrite)
        {
            var found = await LookupAsync(task, dataset, tag, cancellationToken).ConfigureAwait(false);
            if (found.Outputs is not null)
            {
                telemetry.Hits.Add(1);
                LogHit(task.TaskName, tag);
                return new FlyteTaskRun(task.TaskName, CacheLookupStatus.Hit, CachePutStatus.None, null, false, time.GetElapsedTime(started), dataset.Version, tag, found.Outputs);
            }

            (lookup, reason) = (found.Status, found.Reason);
        }

        Reservation? reservation = null;
        if (task.CacheSerialize && lookup != CacheLookupStatus.CatalogFailed)
        {
            var waited = await AcquireReservationAsync(task, dataset, tag, cancellationToken).ConfigureAwait(false);
            if (waited.Outputs is not null)
            {
                telemetry.Hits.Add(1);
                return new FlyteTaskRun(task.TaskName, CacheLookupStatus.Hit, CachePutStatus.None, null, false, time.GetElapsedTime(started), dataset.Version, tag, waited.Outputs);
            }

            reservation = waited.Reservation;
        }

        try
        {
            using var heartbeat = reservation is null ? null : StartHeartbeat(reservation, cancellationToken);
            var outputs = await execute(cancellationToken).ConfigureAwait(false);
            outputs = await persister.PersistAsync(outputs, cancellationToken).ConfigureAwait(false);

            var replace = lookup is CacheLookupStatus.Rejected or CacheLookupStatus.Skipped;
            var put = lookup == CacheLookupStatus.CatalogFailed
                ? CachePutStatus.None
                : await PutAsync(task, dataset, tag, outputs, replace, cancellationToken).ConfigureAwait(false);
            return new FlyteTaskRun(task.TaskName, lookup, put, reason, true, time.GetElapsedTime(started), dataset.Version, tag, outputs);
        }
        finally
        {
            if (reservation is not null)
            {
                await ReleaseReservationAsync(reservation).ConfigureAwait(false);
            }
        }
    }

    // A reference task lives elsewhere: hit-only, never executed, never written. Its dataset is in the reference's
    // project and domain (propeller names a task's dataset after the task's own identifier), not the runner's.
    private async Task<FlyteTaskRun> RunReferenceAsync(
        FlyteTaskDescriptor task,
        FlyteTaskReference reference,
        LiteralMap inputs,
        long started,
        CancellationToken cancellationToken)
    {
        if (task.DatasetVersion is null || options.Cache.Disabled)
        {
            throw new FlyteReferenceTaskMissException(
                task.TaskName,
                reference,
                null,
                task.DatasetVersion is null ? "its descriptor has no dataset version" : "the cache is disabled (Flyte:Cache:Disabled), and a reference task can only be read from it");
        }

        var tag = CacheTag.Compute(inputs, task.CacheIgnoreInputs);
        var dataset = new DatasetID { Project = reference.Project, Domain = reference.Domain, Name = task.DatasetName, Version = task.DatasetVersion };
        var found = await LookupAsync(task, dataset, tag, cancellationToken).ConfigureAwait(false);
        if (found.Outputs is null)
        {
            throw new FlyteReferenceTaskMissException(task.TaskName, reference, tag, found.Reason);
        }

        telemetry.Hits.Add(1);
        LogHit(task.TaskName, tag);
        return new FlyteTaskRun(task.TaskName, CacheLookupStatus.Hit, CachePutStatus.None, null, false, time.GetElapsedTime(started), dataset.Version, tag, found.Outputs);
    }

    // recheck: a second look by a run that already counted its miss (waiting on or holding a reservation); misses and
    // rejections are then neither counted nor logged again, so a run counts its miss or rejection once.
    private async Task<(LiteralMap? Outputs, CacheLookupStatus Status, string? Reason)> LookupAsync(
        FlyteTaskDescriptor task,
        DatasetID dataset,
        string tag,
        CancellationToken cancellationToken,
        bool recheck = false)
    {
        Artifact artifact;
        try
        {
            // One GetArtifact per lookup: a missing dataset is a NotFound like a missing tag.
            var response = await catalog.GetArtifactAsync(new GetArtifactRequest { Dataset = dataset, TagName = tag }, cancellationToken).ConfigureAwait(false);
            artifact = response.Artifact;
        }
        catch (CatalogException e) when (e.Code == CatalogErrorCode.NotFound)
        {
            if (!recheck)
            {
                telemetry.Misses.Add(1);
                LogMiss(task.TaskName, tag);
            }

            return (null, CacheLookupStatus.Miss, null);
        }
        catch (CatalogException e) when (e.Code == CatalogErrorCode.Internal)
        {
            // The store answered but could not decode the entry: a bad entry, not a bad catalog. Replace it.
            return Reject(task, tag, "the cached entry is corrupt: " + e.Message, "corrupt", recheck);
        }
        catch (CatalogException e) when (e.Code != CatalogErrorCode.InvalidArgument)
        {
            return (null, CacheLookupStatus.CatalogFailed, CatalogFailed(task, "lookup", e));
        }

        if (options.Cache.MaxAge is { } maxAge && artifact.CreatedAt is { } createdAt && time.GetUtcNow() - createdAt.ToDateTimeOffset() > maxAge)
        {
            return Reject(task, tag, $"the entry is older than the maximum cache age {maxAge} (created {createdAt.ToDateTimeOffset():u})", "expired", recheck);
        }

        var validation = await validator.ValidateAsync(task, artifact, cancellationToken).ConfigureAwait(false);
        return validation.Outputs is not null
            ? (validation.Outputs, CacheLookupStatus.Hit, null)
            : Reject(task, tag, validation.Reason!, validation.Kind!, recheck);
    }

    private (LiteralMap? Outputs, CacheLookupStatus Status, string? Reason) Reject(FlyteTaskDescriptor task, string tag, string reason, string kind, bool recheck)
    {
        if (recheck)
        {
            return (null, CacheLookupStatus.Rejected, reason);
        }

        telemetry.Misses.Add(1);
        telemetry.Rejections.Add(1, new KeyValuePair<string, object?>("reason", kind));
        LogRejected(task.TaskName, tag, reason);
        return (null, CacheLookupStatus.Rejected, reason);
    }

    private async Task<CachePutStatus> PutAsync(
        FlyteTaskDescriptor task,
        DatasetID dataset,
        string tag,
        LiteralMap outputs,
        bool replace,
        CancellationToken cancellationToken)
    {
        try
        {
            await EnsureDatasetAsync(task, dataset, cancellationToken).ConfigureAwait(false);
            var data = ToArtifactData(outputs);
            if (replace)
            {
                try
                {
                    var update = new UpdateArtifactRequest { Dataset = dataset, TagName = tag, Metadata = ArtifactMetadata(task) };
                    update.Data.AddRange(data);
                    await catalog.UpdateArtifactAsync(update, cancellationToken).ConfigureAwait(false);
                    telemetry.Puts.Add(1);
                    LogPut(task.TaskName, tag, "replaced");
                    return CachePutStatus.Replaced;
                }
                catch (CatalogException e) when (e.Code == CatalogErrorCode.NotFound)
                {
                    // Nothing to replace yet (overwrite on a first run): create it, as propeller's Update does.
                }
            }

            var artifact = new Artifact
            {
                Id = Guid.NewGuid().ToString(),
                Dataset = dataset,
                Metadata = ArtifactMetadata(task),
            };
            artifact.Data.AddRange(data);
            await catalog.CreateArtifactAsync(new CreateArtifactRequest { Artifact = artifact }, cancellationToken).ConfigureAwait(false);
            try
            {
                await catalog.AddTagAsync(new AddTagRequest { Tag = new Tag { Name = tag, ArtifactId = artifact.Id, Dataset = dataset } }, cancellationToken).ConfigureAwait(false);
            }
            catch (CatalogException e) when (e.Code == CatalogErrorCode.AlreadyExists)
            {
                // A concurrent writer tagged first; its entry stands and ours stays untagged (invisible).
                LogPut(task.TaskName, tag, "kept the first writer's entry");
                return CachePutStatus.AlreadyStored;
            }

            telemetry.Puts.Add(1);
            LogPut(task.TaskName, tag, "stored");
            return CachePutStatus.Stored;
        }
        catch (CatalogException e)
        {
            telemetry.PutFailures.Add(1);
            CatalogFailed(task, "put", e);
            return CachePutStatus.Failed;
        }
    }

    private async Task EnsureDatasetAsync(FlyteTaskDescriptor task, DatasetID dataset, CancellationToken cancellationToken)
    {
        var request = new CreateDatasetRequest { Dataset = new Dataset { Id = dataset, Metadata = DatasetMetadata(task) } };
        try
        {
            await catalog.CreateDatasetAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (CatalogException e) when (e.Code == CatalogErrorCode.AlreadyExists)
        {
            // Datasets are created by whoever stores first; later puts find it there.
        }
    }

    private async Task<(LiteralMap? Outputs, Reservation? Reservation)> AcquireReservationAsync(
        FlyteTaskDescriptor task,
        DatasetID dataset,
        string tag,
        CancellationToken cancellationToken)
    {
        var heartbeat = options.Cache.ReservationHeartbeat;
        // One owner per run: two calls in this process must not share a reservation.
        var ownerId = runnerId + "-" + Guid.NewGuid().ToString("N");
        var request = new GetOrExtendReservationRequest
        {
            ReservationId = new ReservationID { DatasetId = dataset, TagName = tag },
            OwnerId = ownerId,
            HeartbeatInterval = Duration.FromTimeSpan(heartbeat),
        };
        while (true)
        {
            Reservation reservation;
            try
            {
                reservation = (await catalog.GetOrExtendReservationAsync(request, cancellationToken).ConfigureAwait(false)).Reservation;
            }
            catch (CatalogException e)
            {
                CatalogFailed(task, "reservation", e);
                return (null, null);
            }

            if (reservation.OwnerId == ownerId)
            {
                // The previous owner may have stored its result and released the spot between our last look and
                // this acquisition (also before our first try): look once more so the task is not executed twice.
                var stored = await LookupAsync(task, dataset, tag, cancellationToken, recheck: true).ConfigureAwait(false);
                if (stored.Outputs is null)
                {
                    return (null, reservation);
                }

                await ReleaseReservationAsync(reservation).ConfigureAwait(false);
                return (stored.Outputs, null);
            }

            LogWaiting(task.TaskName, reservation.OwnerId);
            await Task.Delay(heartbeat, time, cancellationToken).ConfigureAwait(false);

            // The owner may have finished while we waited: its result is ours.
            var found = await LookupAsync(task, dataset, tag, cancellationToken, recheck: true).ConfigureAwait(false);
            if (found.Outputs is not null)
            {
                return (found.Outputs, null);
            }
        }
    }

    private ReservationHeartbeat StartHeartbeat(Reservation reservation, CancellationToken cancellationToken) =>
        new(catalog, new GetOrExtendReservationRequest
        {
            ReservationId = reservation.ReservationId,
            OwnerId = reservation.OwnerId,
            HeartbeatInterval = Duration.FromTimeSpan(options.Cache.ReservationHeartbeat),
        }, options.Cache.ReservationHeartbeat, time, cancellationToken);

    private async Task ReleaseReservationAsync(Reservation reservation)
    {
        try
        {
            // Not cancellable: a cancelled run must still free the spot for the next caller.
            await catalog.ReleaseReservationAsync(new ReleaseReservationRequest { ReservationId = reservation.ReservationId, OwnerId = reservation.OwnerId }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (CatalogException e)
        {
            LogReleaseFailed(reservation.ReservationId.TagName, e.Message);
        }
    }

    private string CatalogFailed(FlyteTaskDescriptor task, string operation, CatalogException e)
    {
        telemetry.CatalogFailures.Add(1, new KeyValuePair<string, object?>("operation", operation));
        if (options.Cache.OnCatalogFailure == CatalogFailurePolicy.Strict)
        {
            throw new CatalogException(e.Code, $"The catalog failed during {operation} for task '{task.TaskName}' and Flyte:Cache:OnCatalogFailure is Strict: {e.Message}", e);
        }

        LogCatalogFailed(task.TaskName, operation, e.Message);
        return $"catalog {operation} failed: {e.Message}";
    }

    private static IEnumerable<ArtifactData> ToArtifactData(LiteralMap outputs) =>
        outputs.Literals.OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => new ArtifactData { Name = pair.Key, Value = pair.Value });

    private static Metadata DatasetMetadata(FlyteTaskDescriptor task) => new()
    {
        KeyMap = { ["task-version"] = task.CacheVersion ?? string.Empty },
    };

    private Metadata ArtifactMetadata(FlyteTaskDescriptor task) => new()
    {
        KeyMap =
        {
            ["task-version"] = task.CacheVersion ?? string.Empty,
            ["exec-project"] = options.Project,
            ["exec-domain"] = options.Domain,
            ["exec-node"] = task.TaskName,
            ["execution-name"] = runnerId,
        },
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Cache hit for task {TaskName} (tag {Tag})")]
    private partial void LogHit(string taskName, string tag);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cache miss for task {TaskName} (tag {Tag})")]
    private partial void LogMiss(string taskName, string tag);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cache entry for task {TaskName} (tag {Tag}) rejected, running the task instead: {Reason}")]
    private partial void LogRejected(string taskName, string tag, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cache put for task {TaskName} (tag {Tag}): {Outcome}")]
    private partial void LogPut(string taskName, string tag, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalog {Operation} failed for task {TaskName}; running without the cache: {Error}")]
    private partial void LogCatalogFailed(string taskName, string operation, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskName} is being computed by {Owner}; waiting for its result")]
    private partial void LogWaiting(string taskName, string owner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing the reservation for tag {Tag} failed; it expires by itself: {Error}")]
    private partial void LogReleaseFailed(string tag, string error);
}
