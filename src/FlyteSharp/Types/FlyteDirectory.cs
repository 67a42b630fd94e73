using System.Diagnostics;

namespace FlyteSharp;

/// <summary>
/// A directory of any format: a Flyte blob with MULTIPART dimensionality. Its <see cref="Format"/> is <c>""</c> when
/// unknown, or the actual format when the directory came from a literal that named one (a <c>parquet</c> directory read as a
/// <see cref="FlyteDirectory"/> still knows it is <c>parquet</c>). Converts implicitly to <see cref="FlyteDirectory{TFormat}"/>
/// when the formats agree (the lenient Blob rule).
/// </summary>
[DebuggerDisplay("FlyteDirectory {Uri.OriginalString,nq} (format \"{Format,nq}\")")]
public sealed class FlyteDirectory : IEquatable<FlyteDirectory>
{
    /// <summary>A local directory (relative paths are made absolute) or a URI string such as <c>s3://bucket/prefix/</c>.</summary>
    public FlyteDirectory(string path)
        : this(string.Empty, BlobLocation.FromPathOrUri(path, nameof(path)))
    {
    }

    /// <summary>A directory at an absolute URI.</summary>
    public FlyteDirectory(Uri uri)
        : this(string.Empty, BlobLocation.FromUri(uri, nameof(uri)))
    {
    }

    /// <summary>A directory at an absolute URI whose actual format is known (<c>""</c> = unknown).</summary>
    public FlyteDirectory(Uri uri, string format)
        : this(format ?? throw new ArgumentNullException(nameof(format)), BlobLocation.FromUri(uri, nameof(uri)))
    {
    }

    // The URI is already resolved (read from a literal, or taken from another FlyteSharp value).
    private FlyteDirectory(string format, Uri resolvedUri)
    {
        Uri = resolvedUri;
        Format = format;
    }

    /// <summary>Where the directory is: <c>file:///...</c> for a local directory, or a remote URI.</summary>
    public Uri Uri { get; }

    /// <summary>The directory's actual format; <c>""</c> when unknown (which fits any format).</summary>
    public string Format { get; }

    /// <summary>The local path when <see cref="Uri"/> is a <c>file://</c> URI; otherwise null.</summary>
    public string? LocalPath => BlobLocation.LocalPath(Uri);

    internal static FlyteDirectory Resolved(Uri uri, string format) => new(format, uri);

    /// <summary>Reads the directory as a <typeparamref name="TFormat"/> directory (the named form of the implicit conversion).</summary>
    /// <exception cref="FlyteTypeException">The directory's actual format is another specific format.</exception>
    public FlyteDirectory<TFormat> As<TFormat>() => FlyteDirectory<TFormat>.FromFlyteDirectory(this);

    /// <summary>Same location (compared as absolute URIs) and same format (ordinal).</summary>
    public bool Equals(FlyteDirectory? other) =>
        other is not null && BlobLocation.SameLocation(Uri, other.Uri) && string.Equals(Format, other.Format, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as FlyteDirectory);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(BlobLocation.LocationHash(Uri), StringComparer.Ordinal.GetHashCode(Format));

    /// <summary>The URI, as a literal would store it.</summary>
    public override string ToString() => BlobLocation.ToLiteral(Uri);

    /// <summary>Value equality.</summary>
    public static bool operator ==(FlyteDirectory? left, FlyteDirectory? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(FlyteDirectory? left, FlyteDirectory? right) => !(left == right);
}
