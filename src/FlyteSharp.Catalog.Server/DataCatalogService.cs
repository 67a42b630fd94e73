// Serves Flyte's datacatalog.DataCatalog gRPC API (flyteorg/flyte v1.16.8, datacatalog/pkg/rpc/datacatalogservice) over
// any IDataCatalog: requests are validated as Flyte's managers validate them, failures travel as the gRPC status Flyte
// would send (NotFound, AlreadyExists, InvalidArgument, ...).
using Datacatalog;
using FlyteSharp.Catalog.Grpc;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace FlyteSharp.Catalog.Server;

/// <summary>The DataCatalog gRPC service, forwarding each RPC to an <see cref="IDataCatalog"/>.</summary>
public sealed partial class DataCatalogService : DataCatalog.DataCatalogBase
{
    private readonly IDataCatalog _catalog;
    private readonly ILogger<DataCatalogService> _logger;

    /// <summary>Serves <paramref name="catalog"/>.</summary>
    public DataCatalogService(IDataCatalog catalog, ILogger<DataCatalogService> logger)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(logger);
        _catalog = catalog;
        _logger = logger;
    }

    /// <inheritdoc />
    public override Task<CreateDatasetResponse> CreateDataset(CreateDatasetRequest request, ServerCallContext context) =>
        ForwardAsync(nameof(CreateDataset), request, CatalogRequestValidator.Validate, _catalog.CreateDatasetAsync, context);

    /// <inheritdoc />
    public override Task<GetDatasetResponse> GetDataset(GetDatasetRequest request, ServerCallContext context) =>
        ForwardAsync(nameof(GetDataset), request, CatalogRequestValidator.Validate, _catalog.GetDatasetAsync, context);

    /// <inheritdoc />
    public override Task<CreateArtifactResponse> CreateArtifact(CreateArtifactRequest request, ServerCallContext context) =>
        ForwardAsync(nameof(CreateArtifact), request, CatalogRequestValidator.Validate, _catalog.CreateArtifactAsync, context);

    /// <inheritdoc />
    public override Task<GetArtifactResponse> GetArtifact(GetArtifactRequest request, ServerCallContext context) =>
        ForwardAsync(nameof(GetArtifact), request, CatalogRequestValidator.Validate, _catalog.GetArtifactAsync, context);

    /// <inheritdoc />
    public override Task<AddTagResponse> AddTag(AddTagRequest request, ServerCallContext context) =>
        ForwardAsync(nameof(AddTag), request, CatalogRequestValidator.Validate, _catalog.AddTagAsync, context);

    /// <inheritdoc />
    public override Task<ListArtifactsResponse> ListArtifacts(ListArtifactsRequest request, ServerCallContext context) =>
        ForwardAsync(nameof(ListArtifacts), request, CatalogRequestValidator.Validate, _catalog.ListArtifactsAsync, context);

    /// <inheritdoc />
    public override Task<ListDatasetsResponse> ListDatasets(ListDatasetsRequest request, ServerCallContext context) =>
        ForwardAsync(nameof(ListDatasets), request, CatalogRequestValidator.Validate, _catalog.ListDatasetsAsync, context);

    /// <inheritdoc />
    public override Task<UpdateArtifactResponse> UpdateArtifact(UpdateArtifactRequest request, ServerCallContext context) =>
        ForwardAsync(nameof(UpdateArtifact), request, CatalogRequestValidator.Validate, _catalog.UpdateArtifactAsync, context);

    /// <inheritdoc />
    public override Task<GetOrExtendReservationResponse> GetOrExtendReservation(GetOrExtendReservationRequest request, ServerCallContext context) =>
        ForwardAsync(nameof(GetOrExtendReservation), request, CatalogRequestValidator.Validate, _catalog.GetOrExtendReservationAsync, context);

    /// <inheritdoc />
    public override Task<ReleaseReservationResponse> ReleaseReservation(ReleaseReservationRequest request, ServerCallContext context) =>
        ForwardAsync(nameof(ReleaseReservation), request, CatalogRequestValidator.Validate, _catalog.ReleaseReservationAsync, context);

    private async Task<TResponse> ForwardAsync<TRequest, TResponse>(
        string method,
        TRequest request,
        Action<TRequest> validate,
        Func<TRequest, CancellationToken, Task<TResponse>> forward,
        ServerCallContext context)
    {
        try
        {
            validate(request);
            return await forward(request, context.CancellationToken).ConfigureAwait(false);
        }
        catch (CatalogException e)
        {
            var status = CatalogStatusCodes.ToStatusCode(e.Code);
            if (status == StatusCode.Internal)
            {
                LogInternalFailure(method, e);
            }

            throw new RpcException(new Status(status, e.Message));
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Cancelled, $"{method} was cancelled by the caller."));
        }
        catch (Exception e) when (e is not RpcException)
        {
            LogInternalFailure(method, e);
            throw new RpcException(new Status(StatusCode.Internal, $"{method} failed: {e.GetType().Name}: {e.Message}"));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "DataCatalog {Method} failed")]
    private partial void LogInternalFailure(string method, Exception exception);
}
