using Datacatalog;

namespace FlyteSharp.Catalog;

/// <summary>
/// The Flyte DataCatalog API, one method per RPC of <c>datacatalog.DataCatalog</c>, with the request and response
/// messages of the official IDL. Implemented by the embedded SQLite store and by the gRPC client of a real Flyte
/// DataCatalog; the catalog server serves any implementation over gRPC. Failures are reported as
/// <see cref="CatalogException"/> with the status Flyte's server would return (NotFound, AlreadyExists, ...).
/// </summary>
public interface IDataCatalog
{
    /// <summary>Creates a dataset; <see cref="CatalogErrorCode.AlreadyExists"/> when it exists.</summary>
    Task<CreateDatasetResponse> CreateDatasetAsync(CreateDatasetRequest request, CancellationToken cancellationToken = default);

    /// <summary>Gets a dataset; <see cref="CatalogErrorCode.NotFound"/> when absent.</summary>
    Task<GetDatasetResponse> GetDatasetAsync(GetDatasetRequest request, CancellationToken cancellationToken = default);

    /// <summary>Creates an artifact in an existing dataset.</summary>
    Task<CreateArtifactResponse> CreateArtifactAsync(CreateArtifactRequest request, CancellationToken cancellationToken = default);

    /// <summary>Gets an artifact by id or by tag; <see cref="CatalogErrorCode.NotFound"/> when absent.</summary>
    Task<GetArtifactResponse> GetArtifactAsync(GetArtifactRequest request, CancellationToken cancellationToken = default);

    /// <summary>Tags an artifact; <see cref="CatalogErrorCode.AlreadyExists"/> when the tag exists (first writer wins).</summary>
    Task<AddTagResponse> AddTagAsync(AddTagRequest request, CancellationToken cancellationToken = default);

    /// <summary>Lists the artifacts of a dataset.</summary>
    Task<ListArtifactsResponse> ListArtifactsAsync(ListArtifactsRequest request, CancellationToken cancellationToken = default);

    /// <summary>Lists datasets.</summary>
    Task<ListDatasetsResponse> ListDatasetsAsync(ListDatasetsRequest request, CancellationToken cancellationToken = default);

    /// <summary>Replaces the data of an artifact found by id or tag.</summary>
    Task<UpdateArtifactResponse> UpdateArtifactAsync(UpdateArtifactRequest request, CancellationToken cancellationToken = default);

    /// <summary>Gets or extends a reservation for serialized cache population.</summary>
    Task<GetOrExtendReservationResponse> GetOrExtendReservationAsync(GetOrExtendReservationRequest request, CancellationToken cancellationToken = default);

    /// <summary>Releases a reservation held by the owner.</summary>
    Task<ReleaseReservationResponse> ReleaseReservationAsync(ReleaseReservationRequest request, CancellationToken cancellationToken = default);
}
