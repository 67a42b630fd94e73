// Retries the way flytepropeller's catalog client does (flytepropeller/pkg/controller/nodes/catalog/datacatalog,
// v1.16.8: exponential backoff with jitter on DeadlineExceeded, Unavailable and Cancelled), with fewer, shorter attempts
// by default because a FlyteSharp task waits on the catalog inline.
using Datacatalog;
using Grpc.Core;
using Grpc.Net.Client;

namespace FlyteSharp.Catalog.Grpc;

/// <summary>
/// A Flyte DataCatalog reached over gRPC: a real Flyte deployment's <c>datacatalog</c> service, or FlyteSharp's own
/// catalog server. Each attempt of a call has a deadline; transient failures are retried with a short, bounded backoff;
/// failures surface as <see cref="CatalogException"/> with the status the server returned.
/// </summary>
/// <remarks>
/// Channel ownership: built from an endpoint, the catalog owns its <see cref="GrpcChannel"/> and disposes it; given a
/// channel, it borrows it and leaves it open (the caller disposes it, and may share it with other clients).
/// </remarks>
public sealed class GrpcDataCatalog : IDataCatalog, IDisposable
{
    private readonly DataCatalog.DataCatalogClient _client;
    private readonly GrpcChannel? _ownedChannel;
    private readonly string _target;
    private readonly TimeSpan _callTimeout;
    private readonly int _maxAttempts;
    private readonly TimeSpan _initialBackoff;
    private readonly TimeSpan _maxBackoff;

    /// <summary>Connects to the DataCatalog at <paramref name="endpoint"/> (<c>http://</c> for plaintext HTTP/2, <c>https://</c> for TLS) on a channel it owns.</summary>
    public GrpcDataCatalog(Uri endpoint, GrpcDataCatalogOptions? options = null)
        : this(CreateChannel(endpoint, options ?? new GrpcDataCatalogOptions()), owned: true, options)
    {
    }

    /// <summary>Uses <paramref name="channel"/>, which stays open when this catalog is disposed.</summary>
    public GrpcDataCatalog(GrpcChannel channel, GrpcDataCatalogOptions? options = null)
        : this(channel ?? throw new ArgumentNullException(nameof(channel)), owned: false, options)
    {
    }

    private GrpcDataCatalog(GrpcChannel channel, bool owned, GrpcDataCatalogOptions? options)
    {
        options ??= new GrpcDataCatalogOptions();
        options.Validate();
        _client = new DataCatalog.DataCatalogClient(channel);
        _ownedChannel = owned ? channel : null;
        _target = channel.Target;
        _callTimeout = options.CallTimeout;
        _maxAttempts = options.MaxAttempts;
        _initialBackoff = options.InitialBackoff;
        _maxBackoff = options.MaxBackoff;
    }

    /// <summary>The address calls go to, for messages and logs.</summary>
    public string Target => _target;

    /// <inheritdoc />
    public Task<CreateDatasetResponse> CreateDatasetAsync(CreateDatasetRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("CreateDataset", request, _client.CreateDatasetAsync, cancellationToken);

    /// <inheritdoc />
    public Task<GetDatasetResponse> GetDatasetAsync(GetDatasetRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("GetDataset", request, _client.GetDatasetAsync, cancellationToken);

    /// <inheritdoc />
    public Task<CreateArtifactResponse> CreateArtifactAsync(CreateArtifactRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("CreateArtifact", request, _client.CreateArtifactAsync, cancellationToken);

    /// <inheritdoc />
    public Task<GetArtifactResponse> GetArtifactAsync(GetArtifactRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("GetArtifact", request, _client.GetArtifactAsync, cancellationToken);

    /// <inheritdoc />
    public Task<AddTagResponse> AddTagAsync(AddTagRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("AddTag", request, _client.AddTagAsync, cancellationToken);

    /// <inheritdoc />
    public Task<ListArtifactsResponse> ListArtifactsAsync(ListArtifactsRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("ListArtifacts", request, _client.ListArtifactsAsync, cancellationToken);

    /// <inheritdoc />
    public Task<ListDatasetsResponse> ListDatasetsAsync(ListDatasetsRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("ListDatasets", request, _client.ListDatasetsAsync, cancellationToken);

    /// <inheritdoc />
    public Task<UpdateArtifactResponse> UpdateArtifactAsync(UpdateArtifactRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("UpdateArtifact", request, _client.UpdateArtifactAsync, cancellationToken);

    /// <inheritdoc />
    public Task<GetOrExtendReservationResponse> GetOrExtendReservationAsync(GetOrExtendReservationRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("GetOrExtendReservation", request, _client.GetOrExtendReservationAsync, cancellationToken);

    /// <inheritdoc />
    public Task<ReleaseReservationResponse> ReleaseReservationAsync(ReleaseReservationRequest request, CancellationToken cancellationToken = default) =>
        CallAsync("ReleaseReservation", request, _client.ReleaseReservationAsync, cancellationToken);

    /// <summary>Disposes the channel when this catalog created it.</summary>
    public void Dispose() => _ownedChannel?.Dispose();

    private static GrpcChannel CreateChannel(Uri endpoint, GrpcDataCatalogOptions options)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        options.Validate();
        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException(
                $"The DataCatalog endpoint '{endpoint}' must be an absolute http:// (plaintext HTTP/2) or https:// URI, e.g. http://localhost:8089.",
                nameof(endpoint));
        }

        return GrpcChannel.ForAddress(endpoint, new GrpcChannelOptions { MaxReceiveMessageSize = options.MaxReceiveMessageSize });
    }

    private async Task<TResponse> CallAsync<TRequest, TResponse>(
        string method,
        TRequest request,
        Func<TRequest, CallOptions, AsyncUnaryCall<TResponse>> send,
        CancellationToken cancellationToken)
        where TRequest : class
    {
        ArgumentNullException.ThrowIfNull(request);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // gRPC deadlines are absolute wall-clock times.
                var options = new CallOptions(deadline: DateTime.UtcNow + _callTimeout, cancellationToken: cancellationToken);
                using var call = send(request, options);
                return await call.ResponseAsync.ConfigureAwait(false);
            }
            catch (RpcException e) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException($"DataCatalog {method} was cancelled.", e, cancellationToken);
            }
            catch (RpcException e) when (CatalogStatusCodes.IsTransient(e.StatusCode) && attempt < _maxAttempts)
            {
                await Task.Delay(Backoff(attempt), cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException e)
            {
                throw ToCatalogException(method, e, attempt);
            }
        }
    }

    private TimeSpan Backoff(int failedAttempts)
    {
        var exponential = _initialBackoff.TotalMilliseconds * Math.Pow(2, failedAttempts - 1);
        var capped = Math.Min(exponential, _maxBackoff.TotalMilliseconds);
        var jitter = 1 + ((Random.Shared.NextDouble() * 0.2) - 0.1);
        return TimeSpan.FromMilliseconds(capped * jitter);
    }

    private CatalogException ToCatalogException(string method, RpcException e, int attempts)
    {
        var code = CatalogStatusCodes.ToErrorCode(e.StatusCode);
        var message = code switch
        {
            // The server's own words carry the meaning of these (which dataset, which tag).
            CatalogErrorCode.NotFound or CatalogErrorCode.AlreadyExists or CatalogErrorCode.InvalidArgument or CatalogErrorCode.FailedPrecondition => e.Status.Detail,
            CatalogErrorCode.Unavailable => $"DataCatalog {method} at {_target} failed with {e.StatusCode} after {attempts} attempt(s): {e.Status.Detail}",
            _ => $"DataCatalog {method} at {_target} failed with {e.StatusCode}: {e.Status.Detail}",
        };
        return new CatalogException(code, message, e);
    }
}
