using Flyteidl.Core;
using FlyteSharp.Storage;

namespace FlyteSharp.Running;

/// <summary>
/// Copies the files and directories a task returned into durable, content-addressed raw storage before they are
/// cached, so a cached <c>FlyteFile</c> never points at a temp file that disappears after the run.
/// </summary>
internal sealed class OutputBlobPersister(IBlobStore blobs)
{
    public Task<LiteralMap> PersistAsync(LiteralMap outputs, CancellationToken cancellationToken) =>
        BlobReferences.RewriteAsync(outputs, async blob =>
        {
            var uri = Uri.TryCreate(blob.Uri, UriKind.Absolute, out var parsed) ? parsed : new Uri(Path.GetFullPath(blob.Uri));
            if (!uri.IsFile || blobs.IsStored(uri.AbsoluteUri))
            {
                // Remote URIs are already durable; stored ones need no second copy.
                return blob.Uri;
            }

            var multipart = blob.Metadata?.Type?.Dimensionality == BlobType.Types.BlobDimensionality.Multipart;
            return multipart
                ? await blobs.PutDirectoryAsync(uri.LocalPath, cancellationToken).ConfigureAwait(false)
                : await blobs.PutFileAsync(uri.LocalPath, cancellationToken).ConfigureAwait(false);
        });
}
