namespace FlyteSharp.Storage;

/// <summary>
/// Durable storage for the raw data behind blob literals (FlyteFile, FlyteDirectory). Outputs are copied in under a
/// content-addressed key before they are cached, so a cached literal never points at a temporary file. Local files
/// today (<see cref="LocalBlobStore"/>); object stores (S3, GCS, Azure) implement the same contract.
/// </summary>
/// <remarks>
/// URIs are strings as they appear in a Flyte <c>Blob.uri</c> (<c>file:///…</c>, <c>s3://bucket/key</c>). A directory
/// (multipart blob) is a prefix whose files are the parts.
/// </remarks>
public interface IBlobStore
{
    /// <summary>Whether this store can read and write <paramref name="uri"/>.</summary>
    bool CanHandle(string uri);

    /// <summary>Whether <paramref name="uri"/> already lies inside this store's raw-output area, so copying it in again is unnecessary.</summary>
    bool IsStored(string uri);

    /// <summary>Whether a file or a directory exists at <paramref name="uri"/> (in an object store: a key, or a prefix with at least one key).</summary>
    Task<bool> ExistsAsync(string uri, CancellationToken cancellationToken = default);

    /// <summary>
    /// Copies a local file into the store under a key derived from its contents and returns its URI. Storing the
    /// same contents under the same file name again returns the same URI and writes nothing.
    /// </summary>
    /// <exception cref="FileNotFoundException">The local file does not exist.</exception>
    Task<string> PutFileAsync(string localPath, CancellationToken cancellationToken = default);

    /// <summary>
    /// Copies a local directory (its files, recursively) into the store under a key derived from its relative paths and
    /// contents and returns the URI of the stored directory. Idempotent like <see cref="PutFileAsync"/>.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The local directory does not exist.</exception>
    Task<string> PutDirectoryAsync(string localPath, CancellationToken cancellationToken = default);

    /// <summary>Opens a stored file for reading.</summary>
    /// <exception cref="FileNotFoundException">Nothing is stored at <paramref name="uri"/>.</exception>
    Task<Stream> OpenReadAsync(string uri, CancellationToken cancellationToken = default);

    /// <summary>Lists the files of a stored directory as URIs, ordered by their relative paths (ordinal).</summary>
    /// <exception cref="DirectoryNotFoundException">No directory is stored at <paramref name="uri"/>.</exception>
    Task<IReadOnlyList<string>> ListAsync(string uri, CancellationToken cancellationToken = default);

    /// <summary>Deletes a stored file or directory.</summary>
    /// <returns>Whether anything was deleted.</returns>
    Task<bool> DeleteAsync(string uri, CancellationToken cancellationToken = default);
}
