using System.Collections.Concurrent;
using Datacatalog;
using FlyteSharp.Catalog;

namespace FlyteSharp.Integration.Tests.Catalog;

/// <summary>
/// A real catalog with a script in front of it: before each call, <c>before(method, callNumber, token)</c> may throw or
/// wait, the way a failing or overloaded backend would. Counts calls per method.
/// </summary>
internal sealed class ScriptedCatalog(IDataCatalog inner, Func<string, int, CancellationToken, Task> before) : IDataCatalog
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    public int Calls(string method) => _calls.GetValueOrDefault(method);

    public async Task<CreateDatasetResponse> CreateDatasetAsync(CreateDatasetRequest request, CancellationToken cancellationToken = default)
    {
        await BeforeAsync(nameof(CreateDatasetAsync), cancellationToken);
        return await inner.CreateDatasetAsync(request, cancellationToken);
    }

    public async Task<GetDatasetResponse> GetDatasetAsync(GetDatasetRequest request, CancellationToken cancellationToken = default)
    {
        await BeforeAsync(nameof(GetDatasetAsync), cancellationToken);
        return await inner.GetDatasetAsync(request, cancellationToken);
    }

    public async Task<CreateArtifactResponse> CreateArtifactAsync(CreateArtifactRequest request, CancellationToken cancellationToken = default)
    {
        await BeforeAsync(nameof(CreateArtifactAsync), cancellationToken);
        return await inner.CreateArtifactAsync(request, cancellationToken);
    }

    public async Task<GetArtifactResponse> GetArtifactAsync(GetArtifactRequest request, CancellationToken cancellationToken = default)
    {
        await BeforeAsync(nameof(GetArtifactAsync), cancellationToken);
        return await inner.GetArtifactAsync(request, cancellationToken);
    }

    public async Task<AddTagResponse> AddTagAsync(AddTagRequest request, CancellationToken cancellationToken = default)
    {
        await BeforeAsync(nameof(AddTagAsync), cancellationToken);
        return await inner.AddTagAsync(request, cancellationToken);
    }

    public async Task<ListArtifactsResponse> ListArtifactsAsync(ListArtifactsRequest request, CancellationToken cancellationToken = default)
    {
        await BeforeAsync(nameof(ListArtifactsAsync), cancellationToken);
        return await inner.ListArtifactsAsync(request, cancellationToken);
    }

    public async Task<ListDatasetsResponse> ListDatasetsAsync(ListDatasetsRequest request, CancellationToken cancellationToken = default)
    {
        await BeforeAsync(nameof(ListDatasetsAsync), cancellationToken);
        return await inner.ListDatasetsAsync(request, cancellationToken);
    }

    public async Task<UpdateArtifactResponse> UpdateArtifactAsync(UpdateArtifactRequest request, CancellationToken cancellationToken = default)
    {
        await BeforeAsync(nameof(UpdateArtifactAsync), cancellationToken);
        return await inner.UpdateArtifactAsync(request, cancellationToken);
    }

    public async Task<GetOrExtendReservationResponse> GetOrExtendReservationAsync(GetOrExtendReservationRequest request, CancellationToken cancellationToken = default)
    {
        await BeforeAsync(nameof(GetOrExtendReservationAsync), cancellationToken);
        return await inner.GetOrExtendReservationAsync(request, cancellationToken);
    }

    public async Task<ReleaseReservationResponse> ReleaseReservationAsync(ReleaseReservationRequest request, CancellationToken cancellationToken = default)
    {
        await BeforeAsync(nameof(ReleaseReservationAsync), cancellationToken);
        return await inner.ReleaseReservationAsync(request, cancellationToken);
    }

    private Task BeforeAsync(string method, CancellationToken cancellationToken) =>
        before(method, _calls.AddOrUpdate(method, 1, (_, count) => count + 1), cancellationToken);
}
