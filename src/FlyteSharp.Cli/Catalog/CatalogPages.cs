using Datacatalog;
using FlyteSharp.Catalog;

namespace FlyteSharp.Cli.Catalog;

/// <summary>Reads every page of a DataCatalog listing.</summary>
internal static class CatalogPages
{
    private const uint PageSize = 100;

    // A server that keeps answering full pages with the same token would loop forever; no real listing is this long.
    private const int MaxPages = 100_000;

    public static async IAsyncEnumerable<Dataset> DatasetsAsync(
        IDataCatalog catalog, FilterExpression? filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var token = string.Empty;
        for (var page = 0; page < MaxPages; page++)
        {
            var response = await catalog.ListDatasetsAsync(
                new ListDatasetsRequest { Filter = filter, Pagination = Page(token) }, cancellationToken).ConfigureAwait(false);
            foreach (var dataset in response.Datasets)
            {
                yield return dataset;
            }

            if (IsLast(response.Datasets.Count, token, response.NextToken))
            {
                yield break;
            }

            token = response.NextToken;
        }
    }

    public static async IAsyncEnumerable<Artifact> ArtifactsAsync(
        IDataCatalog catalog, DatasetID dataset, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var token = string.Empty;
        for (var page = 0; page < MaxPages; page++)
        {
            var response = await catalog.ListArtifactsAsync(
                new ListArtifactsRequest { Dataset = dataset, Pagination = Page(token) }, cancellationToken).ConfigureAwait(false);
            foreach (var artifact in response.Artifacts)
            {
                yield return artifact;
            }

            if (IsLast(response.Artifacts.Count, token, response.NextToken))
            {
                yield break;
            }

            token = response.NextToken;
        }
    }

    private static PaginationOptions Page(string token) => new() { Limit = PageSize, Token = token };

    // Flyte's DataCatalog returns a next token on the last page too; a short page is the end.
    private static bool IsLast(int count, string token, string nextToken) =>
        count < PageSize || string.IsNullOrEmpty(nextToken) || nextToken == token;
}
