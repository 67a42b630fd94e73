using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace FlyteSharp.Storage;

/// <summary>
/// Blob storage on the local file system for <c>file://</c> URIs. Raw outputs are kept content-addressed under a
/// raw-output prefix: a file as <c>&lt;prefix&gt;/&lt;sha256&gt;/&lt;file name&gt;</c>, a directory as
/// <c>&lt;prefix&gt;/&lt;hash&gt;/&lt;directory name&gt;/…</c> where the hash covers the sorted relative paths and the
/// contents of its files. Writes go to a staging folder under the prefix and are then renamed into place, so a reader
/// sees a whole entry or none; storing the same content again writes nothing.
/// </summary>
/// <remarks>Empty subdirectories are not part of a stored directory (object stores cannot hold them either).</remarks>
public sealed class LocalBlobStore : IBlobStore
{
    /// <summary>The raw-output prefix used when none is given, relative to the current directory.</summary>
    public const string DefaultRawOutputPrefix = ".flyte/raw";

    private const string StagingFolder = ".staging";
    private const int BufferSize = 81920;

    // Separates directory hashes from file hashes: a directory never gets the key of a file, whatever its contents.
    private static readonly byte[] DirectoryHashDomain = Encoding.UTF8.GetBytes("flytesharp/directory/v1\n");

    /// <summary>Stores raw outputs under <paramref name="rawOutputPrefix"/> (a path or a <c>file://</c> URI; <see cref="DefaultRawOutputPrefix"/> when null).</summary>
    public LocalBlobStore(string? rawOutputPrefix = null)
    {
        var prefix = rawOutputPrefix ?? DefaultRawOutputPrefix;
        if (string.IsNullOrWhiteSpace(prefix))
        {
            throw new ArgumentException("The raw-output prefix is empty.", nameof(rawOutputPrefix));
        }

        RawOutputPrefix = Path.TrimEndingDirectorySeparator(ToLocalPath(prefix));
    }

    /// <summary>The full path under which raw outputs are stored.</summary>
    public string RawOutputPrefix { get; }

    /// <summary>The <c>file://</c> URI of a local path.</summary>
    public static string ToUri(string localPath)
    {
        var builder = new UriBuilder { Scheme = Uri.UriSchemeFile, Host = string.Empty, Path = Path.GetFullPath(localPath) };
        return builder.Uri.AbsoluteUri;
    }

    /// <summary>The local path of a <c>file://</c> URI or of a plain path (resolved against the current directory).</summary>
    /// <exception cref="ArgumentException">The URI has another scheme.</exception>
    public static string ToLocalPath(string uri)
    {
        ArgumentException.ThrowIfNullOrEmpty(uri);
        if (uri.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !parsed.IsFile)
            {
                throw new ArgumentException($"'{uri}' is not a valid file:// URI.", nameof(uri));
            }

            return parsed.LocalPath;
        }

        if (HasScheme(uri))
        {
            throw new ArgumentException($"'{uri}' is not a local file URI; LocalBlobStore handles file:// URIs and plain paths.", nameof(uri));
        }

        return Path.GetFullPath(uri);
    }

    /// <inheritdoc />
    public bool CanHandle(string uri) =>
        !string.IsNullOrEmpty(uri) && (uri.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || !HasScheme(uri));

    /// <inheritdoc />
    public bool IsStored(string uri)
    {
        if (!CanHandle(uri))
        {
            return false;
        }

        var path = ToLocalPath(uri);
        return path.StartsWith(RawOutputPrefix + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            && !path.StartsWith(Path.Combine(RawOutputPrefix, StagingFolder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public Task<bool> ExistsAsync(string uri, CancellationToken cancellationToken = default)
    {
        var path = ToLocalPath(uri);
        return Task.FromResult(File.Exists(path) || Directory.Exists(path));
    }

    /// <inheritdoc />
    public async Task<string> PutFileAsync(string localPath, CancellationToken cancellationToken = default)
    {
        var source = ToLocalPath(localPath);
        if (!File.Exists(source))
        {
            throw new FileNotFoundException($"Cannot store '{source}': the file does not exist.", source);
        }

        var name = Path.GetFileName(source);
        var hash = await HashFileAsync(source, cancellationToken).ConfigureAwait(false);
        var target = Path.Combine(RawOutputPrefix, Convert.ToHexStringLower(hash), name);
        if (File.Exists(target))
        {
            return ToUri(target);
        }

        var staging = CreateStagingFolder();
        try
        {
            var staged = Path.Combine(staging, name);
            var copied = await CopyHashingAsync(source, staged, cancellationToken).ConfigureAwait(false);
            if (!copied.AsSpan().SequenceEqual(hash))
            {
                throw new IOException($"Cannot store '{source}': the file changed while it was being stored.");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            try
            {
                File.Move(staged, target, overwrite: false);
            }
            catch (IOException) when (File.Exists(target))
            {
                // Another writer stored the same content first; its copy is identical.
            }

            return ToUri(target);
        }
        finally
        {
            DeleteQuietly(staging);
        }
    }

    /// <inheritdoc />
    public async Task<string> PutDirectoryAsync(string localPath, CancellationToken cancellationToken = default)
    {
        var source = Path.TrimEndingDirectorySeparator(ToLocalPath(localPath));
        if (!Directory.Exists(source))
        {
            throw new DirectoryNotFoundException($"Cannot store '{source}': the directory does not exist.");
        }

        if (IsUnder(RawOutputPrefix, source) || string.Equals(RawOutputPrefix, source, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Cannot store '{source}': it contains the raw-output prefix '{RawOutputPrefix}'.", nameof(localPath));
        }

        var files = ListRelativeFiles(source);
        var fileHashes = new byte[files.Count][];
        for (var i = 0; i < files.Count; i++)
        {
            fileHashes[i] = await HashFileAsync(Path.Combine(source, files[i]), cancellationToken).ConfigureAwait(false);
        }

        var name = Path.GetFileName(source);
        if (name.Length == 0)
        {
            name = "root";
        }

        var target = Path.Combine(RawOutputPrefix, Convert.ToHexStringLower(HashDirectory(files, fileHashes)), name);
        if (Directory.Exists(target))
        {
            return ToUri(target);
        }

        var staging = CreateStagingFolder();
        try
        {
            var stagedRoot = Path.Combine(staging, name);
            Directory.CreateDirectory(stagedRoot);
            for (var i = 0; i < files.Count; i++)
            {
                var staged = Path.Combine(stagedRoot, files[i]);
                Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
                var copied = await CopyHashingAsync(Path.Combine(source, files[i]), staged, cancellationToken).ConfigureAwait(false);
                if (!copied.AsSpan().SequenceEqual(fileHashes[i]))
                {
                    throw new IOException($"Cannot store '{source}': '{files[i]}' changed while it was being stored.");
                }
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            try
            {
                Directory.Move(stagedRoot, target);
            }
            catch (IOException) when (Directory.Exists(target))
            {
                // Another writer stored the same content first; its copy is identical.
            }

            return ToUri(target);
        }
        finally
        {
            DeleteQuietly(staging);
        }
    }

    /// <inheritdoc />
    public Task<Stream> OpenReadAsync(string uri, CancellationToken cancellationToken = default)
    {
        var path = ToLocalPath(uri);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No file is stored at '{uri}'.", path);
        }

        Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, useAsync: true);
        return Task.FromResult(stream);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListAsync(string uri, CancellationToken cancellationToken = default)
    {
        var path = ToLocalPath(uri);
        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"No directory is stored at '{uri}'.");
        }

        IReadOnlyList<string> files = [.. ListRelativeFiles(path).Select(relative => ToUri(Path.Combine(path, relative)))];
        return Task.FromResult(files);
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The URI is outside the raw-output prefix: this store deletes only what it stores.</exception>
    public Task<bool> DeleteAsync(string uri, CancellationToken cancellationToken = default)
    {
        var path = Path.TrimEndingDirectorySeparator(ToLocalPath(uri));
        if (!IsUnder(path, RawOutputPrefix))
        {
            throw new InvalidOperationException($"Refusing to delete '{path}': LocalBlobStore deletes only what it stored under '{RawOutputPrefix}'.");
        }

        bool deleted;
        if (File.Exists(path))
        {
            File.Delete(path);
            deleted = true;
        }
        else if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
            deleted = true;
        }
        else
        {
            deleted = false;
        }

        // Drop the content-hash folder once its last entry is gone.
        var parent = Path.GetDirectoryName(path);
        if (deleted && parent is not null && IsUnder(parent, RawOutputPrefix) && !Directory.EnumerateFileSystemEntries(parent).Any())
        {
            DeleteQuietly(parent);
        }

        return Task.FromResult(deleted);
    }

    private static bool HasScheme(string uri)
    {
        var colon = uri.IndexOf("://", StringComparison.Ordinal);
        return colon > 0 && uri[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');
    }

    /// <summary>Whether <paramref name="path"/> lies strictly inside <paramref name="folder"/>.</summary>
    private static bool IsUnder(string path, string folder) =>
        path.Length > folder.Length + 1
        && path.StartsWith(folder, StringComparison.Ordinal)
        && (path[folder.Length] == Path.DirectorySeparatorChar || path[folder.Length] == Path.AltDirectorySeparatorChar);

    /// <summary>The files under <paramref name="root"/> as relative paths with '/' separators, in ordinal order.</summary>
    private static List<string> ListRelativeFiles(string root)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        var files = Directory.EnumerateFiles(root, "*", options)
            .Select(file => Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/'))
            .ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static byte[] HashDirectory(List<string> relativePaths, byte[][] fileHashes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(DirectoryHashDomain);
        Span<byte> length = stackalloc byte[8];
        for (var i = 0; i < relativePaths.Count; i++)
        {
            // Length-prefixed paths keep the encoding unambiguous ("a" + "bc" never equals "ab" + "c").
            var path = Encoding.UTF8.GetBytes(relativePaths[i]);
            BinaryPrimitives.WriteInt64BigEndian(length, path.Length);
            hash.AppendData(length);
            hash.AppendData(path);
            hash.AppendData(fileHashes[i]);
        }

        return hash.GetHashAndReset();
    }

    private static async Task<byte[]> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            return await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<byte[]> CopyHashingAsync(string source, string destination, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);
            await using (input.ConfigureAwait(false))
            {
                var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
                await using (output.ConfigureAwait(false))
                {
                    int read;
                    while ((read = await input.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        hash.AppendData(buffer, 0, read);
                        await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    }

                    // The rename that publishes the file must not overtake its contents on a crash.
                    await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                    output.Flush(flushToDisk: true);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return hash.GetHashAndReset();
    }

    private string CreateStagingFolder()
    {
        var staging = Path.Combine(RawOutputPrefix, StagingFolder, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
        return staging;
    }

    private static void DeleteQuietly(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Leftover staging folders hold no published data; a later cleanup can remove them.
        }
    }
}
