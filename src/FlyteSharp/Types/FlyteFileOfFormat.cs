using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace FlyteSharp;

/// <summary>
/// A file of a known format, e.g. <c>FlyteFile&lt;Csv&gt;</c>: a Flyte blob with SINGLE dimensionality and
/// <c>format</c> = the <see cref="BlobFormatAttribute"/> name of <typeparamref name="TFormat"/>.
/// Widens implicitly to <see cref="FlyteFile"/>; an untyped <see cref="FlyteFile"/> converts implicitly to it when
/// its actual format is unknown or the same (case-insensitive), and throws <see cref="FlyteTypeException"/> otherwise.
/// </summary>
/// <typeparam name="TFormat">A format type marked with <see cref="BlobFormatAttribute"/>, e.g. <see cref="Formats.Csv"/>.</typeparam>
[DebuggerDisplay("FlyteFile<{Format,nq}> {Uri.OriginalString,nq}")]
public sealed class FlyteFile<TFormat> : IEquatable<FlyteFile<TFormat>>
{
    /// <summary>A local file (relative paths are made absolute) or a URI string such as <c>s3://bucket/key</c>.</summary>
    public FlyteFile(string path)
        : this(BlobLocation.FromPathOrUri(path, nameof(path)), resolved: true)
    {
    }

    /// <summary>A file at an absolute URI.</summary>
    public FlyteFile(Uri uri)
        : this(BlobLocation.FromUri(uri, nameof(uri)), resolved: true)
    {
    }

    // The URI is already resolved (read from a literal, or taken from another FlyteSharp value).
    private FlyteFile(Uri resolvedUri, bool resolved)
    {
        _ = resolved;
        _ = BlobFormatName<TFormat>.Value; // a format type without [BlobFormat] fails here, not when encoding later
        Uri = resolvedUri;
    }

    /// <summary>Where the file is: <c>file:///...</c> for a local file, or a remote URI.</summary>
    public Uri Uri { get; }

    /// <summary>The format name of <typeparamref name="TFormat"/>, e.g. <c>csv</c>.</summary>
    public string Format => BlobFormatName<TFormat>.Value;

    /// <summary>The local path when <see cref="Uri"/> is a <c>file://</c> URI; otherwise null.</summary>
    public string? LocalPath => BlobLocation.LocalPath(Uri);

    internal static FlyteFile<TFormat> Resolved(Uri uri) => new(uri, resolved: true);

    /// <summary>The same file as an untyped <see cref="FlyteFile"/> that remembers its format.</summary>
    public FlyteFile ToFlyteFile() => FlyteFile.Resolved(Uri, Format);

    /// <summary>Reads an untyped file as a <typeparamref name="TFormat"/> file (the lenient Blob rule).</summary>
    /// <exception cref="FlyteTypeException">The file's actual format is another specific format.</exception>
    internal static FlyteFile<TFormat> FromFlyteFile(FlyteFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var expected = BlobFormatName<TFormat>.Value;
        if (!BlobFormatRule.Fits(file.Format, expected))
        {
            throw new FlyteTypeException(
                $"The file {file} has format \"{file.Format}\" and cannot be used as FlyteFile<{TypeDisplay.Of(typeof(TFormat))}> " +
                $"(format \"{expected}\"): two specific formats must match.");
        }

        return new FlyteFile<TFormat>(file.Uri, resolved: true);
    }

    /// <summary>Same location (compared as absolute URIs); the format is the same by type.</summary>
    public bool Equals(FlyteFile<TFormat>? other) => other is not null && BlobLocation.SameLocation(Uri, other.Uri);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as FlyteFile<TFormat>);

    /// <inheritdoc/>
    public override int GetHashCode() => BlobLocation.LocationHash(Uri);

    /// <summary>The URI, as a literal would store it.</summary>
    public override string ToString() => BlobLocation.ToLiteral(Uri);

    /// <summary>Widens to an untyped file that remembers its format.</summary>
    [return: NotNullIfNotNull(nameof(file))]
    public static implicit operator FlyteFile?(FlyteFile<TFormat>? file) => file?.ToFlyteFile();

    /// <summary>Narrows an untyped file by the lenient Blob rule; throws when its actual format is another one.</summary>
    /// <exception cref="FlyteTypeException">The file's actual format is another specific format.</exception>
    [return: NotNullIfNotNull(nameof(file))]
    public static implicit operator FlyteFile<TFormat>?(FlyteFile? file) => file is null ? null : FromFlyteFile(file);

    /// <summary>Value equality.</summary>
    public static bool operator ==(FlyteFile<TFormat>? left, FlyteFile<TFormat>? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(FlyteFile<TFormat>? left, FlyteFile<TFormat>? right) => !(left == right);
}
