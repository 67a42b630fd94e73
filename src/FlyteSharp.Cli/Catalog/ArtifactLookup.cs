using Datacatalog;
using FlyteSharp.Catalog;

namespace FlyteSharp.Cli.Catalog;

/// <summary>How an artifact was found: by one of its tags, or by its id.</summary>
internal enum ArtifactKey
{
    Tag,
    Id,
}

/// <summary>Finds an artifact named on the command line by a tag (tried first: what cache keys are) or by its id.</summary>
internal static class ArtifactLookup
{
    /// <returns>The artifact and how it was found, or null when neither a tag nor an id of the dataset has that name.</returns>
    public static async Task<(Artifact Artifact, ArtifactKey FoundBy)?> FindAsync(IDataCatalog catalog, DatasetID dataset, string tagOrId, CancellationToken cancellationToken)
    {
        var byTag = await TryGetAsync(catalog, new GetArtifactRequest { Dataset = dataset, TagName = tagOrId }, cancellationToken).ConfigureAwait(false);
        if (byTag is not null)
        {
            return (byTag, ArtifactKey.Tag);
        }

        var byId = await TryGetAsync(catalog, new GetArtifactRequest { Dataset = dataset, ArtifactId = tagOrId }, cancellationToken).ConfigureAwait(false);
        return byId is null ? null : (byId, ArtifactKey.Id);
    }

    private static async Task<Artifact?> TryGetAsync(IDataCatalog catalog, GetArtifactRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return (await catalog.GetArtifactAsync(request, cancellationToken).ConfigureAwait(false)).Artifact;
        }
        catch (CatalogException e) when (e.Code == CatalogErrorCode.NotFound)
        {
            return null;
        }
    }
}
