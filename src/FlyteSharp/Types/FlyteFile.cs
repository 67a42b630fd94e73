using System.Diagnostics;

namespace FlyteSharp;

/// <summary>
/// A file of any format: a Flyte blob with SINGLE dimensionality. Its <see cref="Format"/> is <c>""</c> when
/// unknown, or the actual format when the file came from a literal that named one (a <c>parquet</c> blob read as a
/// <see cref="FlyteFile"/> still knows it is <c>parquet</c>). Converts implicitly to <see cref="FlyteFile{TFormat}"/>
/// when the formats agree (the lenient Blob rule).
/// </summary>
[DebuggerDisplay("FlyteFile {Uri.OriginalString,nq} (format \"{Format,nq}\")")]
public sealed class FlyteFile : IEquatable<FlyteFile>
{
    /// <summary>A local file (relative paths are made absolute) or a URI string such as <c>s3://bucket/key</c>.</summary>
    public FlyteFile(string path)
        : this(string.Empty, BlobLocation.FromPathOrUri(path, nameof(path)))
    {
    }

    /// <summary>A file at an absolute URI.</summary>
    public FlyteFile(Uri uri)
        : this(string.Empty, BlobLocation.FromUri(uri, nameof(uri)))
    {
    }

    /// <summary>A file at an absolute URI whose actual format is known (<c>""</c> = unknown).</summary>
    public FlyteFile(Uri uri, string format)
        : this(format ?? throw new ArgumentNullException(nameof(format)), BlobLocation.FromUri(uri, nameof(uri)))
    {
    }

    // The URI is already resolved (read from a literal, or taken from another FlyteSharp value).
    private FlyteFile(string format, Uri resolvedUri)
    {
        Uri = resolvedUri;
        Format = format;
    }

    /// <summary>Where the file is: <c>file:///...</c> for a local file, or a remote URI.</summary>
    public Uri Uri { get; }

    /// <summary>The file's actual format; <c>""</c> when unknown (which fits any format).</summary>
    public string Format { get; }

    /// <summary>The local path when <see cref="Uri"/> is a <c>file://</c> URI; otherwise null.</summary>
    public string? LocalPath => BlobLocation.LocalPath(Uri);

    internal static FlyteFile Resolved(Uri uri, string format) => new(format, uri);

    /// <summary>Reads the file as a <typeparamref name="TFormat"/> file (the named form of the implicit conversion).</summary>
    /// <exception cref="FlyteTypeException">The file's actual format is another specific format.</exception>
    public FlyteFile<TFormat> As<TFormat>() => FlyteFile<TFormat>.FromFlyteFile(this);

    /// <summary>Same location (compared as absolute URIs) and same format (ordinal).</summary>
    public bool Equals(FlyteFile? other) =>
        other is not null && BlobLocation.SameLocation(Uri, other.Uri) && string.Equals(Format, other.Format, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as FlyteFile);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(BlobLocation.LocationHash(Uri), StringComparer.Ordinal.GetHashCode(Format));

    /// <summary>The URI, as a literal would store it.</summary>
    public override string ToString() => BlobLocation.ToLiteral(Uri);

    /// <summary>Value equality.</summary>
    public static bool operator ==(FlyteFile? left, FlyteFile? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(FlyteFile? left, FlyteFile? right) => !(left == right);
}
