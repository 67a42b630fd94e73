using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace FlyteSharp;

/// <summary>
/// A directory of a known format, e.g. <c>FlyteDirectory&lt;Csv&gt;</c>: a Flyte blob with MULTIPART dimensionality and
/// <c>format</c> = the <see cref="BlobFormatAttribute"/> name of <typeparamref name="TFormat"/>.
/// Widens implicitly to <see cref="FlyteDirectory"/>; an untyped <see cref="FlyteDirectory"/> converts implicitly to it when
/// its actual format is unknown or the same (case-insensitive), and throws <see cref="FlyteTypeException"/> otherwise.
/// </summary>
/// <typeparam name="TFormat">A format type marked with <see cref="BlobFormatAttribute"/>, e.g. <see cref="Formats.Csv"/>.</typeparam>
[DebuggerDisplay("FlyteDirectory<{Format,nq}> {Uri.OriginalString,nq}")]
public sealed class FlyteDirectory<TFormat> : IEquatable<FlyteDirectory<TFormat>>
{
    /// <summary>A local directory (relative paths are made absolute) or a URI string such as <c>s3://bucket/prefix/</c>.</summary>
    public FlyteDirectory(string path)
        : this(BlobLocation.FromPathOrUri(path, nameof(path)), resolved: true)
    {
    }

    /// <summary>A directory at an absolute URI.</summary>
    public FlyteDirectory(Uri uri)
        : this(BlobLocation.FromUri(uri, nameof(uri)), resolved: true)
    {
    }

    // The URI is already resolved (read from a literal, or taken from another FlyteSharp value).
    private FlyteDirectory(Uri resolvedUri, bool resolved)
    {
        _ = resolved;
        _ = BlobFormatName<TFormat>.Value; // a format type without [BlobFormat] fails here, not when encoding later
        Uri = resolvedUri;
    }

    /// <summary>Where the directory is: <c>file:///...</c> for a local directory, or a remote URI.</summary>
    public Uri Uri { get; }

    /// <summary>The format name of <typeparamref name="TFormat"/>, e.g. <c>csv</c>.</summary>
    public string Format => BlobFormatName<TFormat>.Value;

    /// <summary>The local path when <see cref="Uri"/> is a <c>file://</c> URI; otherwise null.</summary>
    public string? LocalPath => BlobLocation.LocalPath(Uri);

    internal static FlyteDirectory<TFormat> Resolved(Uri uri) => new(uri, resolved: true);

    /// <summary>The same directory as an untyped <see cref="FlyteDirectory"/> that remembers its format.</summary>
    public FlyteDirectory ToFlyteDirectory() => FlyteDirectory.Resolved(Uri, Format);

    /// <summary>Reads an untyped directory as a <typeparamref name="TFormat"/> directory (the lenient Blob rule).</summary>
    /// <exception cref="FlyteTypeException">The directory's actual format is another specific format.</exception>
    internal static FlyteDirectory<TFormat> FromFlyteDirectory(FlyteDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var expected = BlobFormatName<TFormat>.Value;
        if (!BlobFormatRule.Fits(directory.Format, expected))
        {
            throw new FlyteTypeException(
                $"The directory {directory} has format \"{directory.Format}\" and cannot be used as FlyteDirectory<{TypeDisplay.Of(typeof(TFormat))}> " +
                $"(format \"{expected}\"): two specific formats must match.");
        }

        return new FlyteDirectory<TFormat>(directory.Uri, resolved: true);
    }

    /// <summary>Same location (compared as absolute URIs); the format is the same by type.</summary>
    public bool Equals(FlyteDirectory<TFormat>? other) => other is not null && BlobLocation.SameLocation(Uri, other.Uri);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as FlyteDirectory<TFormat>);

    /// <inheritdoc/>
    public override int GetHashCode() => BlobLocation.LocationHash(Uri);

    /// <summary>The URI, as a literal would store it.</summary>
    public override string ToString() => BlobLocation.ToLiteral(Uri);

    /// <summary>Widens to an untyped directory that remembers its format.</summary>
    [return: NotNullIfNotNull(nameof(directory))]
    public static implicit operator FlyteDirectory?(FlyteDirectory<TFormat>? directory) => directory?.ToFlyteDirectory();

    /// <summary>Narrows an untyped directory by the lenient Blob rule; throws when its actual format is another one.</summary>
    /// <exception cref="FlyteTypeException">The directory's actual format is another specific format.</exception>
    [return: NotNullIfNotNull(nameof(directory))]
    public static implicit operator FlyteDirectory<TFormat>?(FlyteDirectory? directory) => directory is null ? null : FromFlyteDirectory(directory);

    /// <summary>Value equality.</summary>
    public static bool operator ==(FlyteDirectory<TFormat>? left, FlyteDirectory<TFormat>? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(FlyteDirectory<TFormat>? left, FlyteDirectory<TFormat>? right) => !(left == right);
}
