namespace FlyteSharp;

/// <summary>How files and directories turn paths and URIs into the URI they carry, and compare them.</summary>
internal static class BlobLocation
{
    /// <summary>
    /// A local path (relative ones against the current directory) becomes an absolute <c>file://</c> URI; a string
    /// that is already a URI with a scheme (<c>s3://</c>, <c>gs://</c>, <c>file://</c>) is taken as that URI.
    /// </summary>
    public static Uri FromPathOrUri(string pathOrUri, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathOrUri, parameterName);
        if (Uri.TryCreate(pathOrUri, UriKind.Absolute, out var uri)
            && (!uri.IsFile || pathOrUri.StartsWith("file:", StringComparison.OrdinalIgnoreCase)))
        {
            return Canonical(uri);
        }

        return Canonical(new Uri(Path.GetFullPath(pathOrUri)));
    }

    /// <summary>An absolute URI as the user gave it; local file URIs are spelled <c>file:///...</c>.</summary>
    public static Uri FromUri(Uri uri, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(uri, parameterName);
        if (!uri.IsAbsoluteUri)
        {
            throw new ArgumentException(
                $"A blob URI must be absolute, but \"{uri.OriginalString}\" is relative; pass a local path as a string instead.",
                parameterName);
        }

        return Canonical(uri);
    }

    /// <summary>
    /// The URI in a blob literal, kept exactly as written so that decoding and encoding again gives the same
    /// literal. flytekit writes bare local paths when it runs locally; relative ones are resolved here.
    /// </summary>
    public static Uri FromLiteral(string uri)
    {
        if (string.IsNullOrEmpty(uri))
        {
            throw new FlyteTypeException("The blob literal has no URI.");
        }

        if (Uri.TryCreate(uri, UriKind.Absolute, out var absolute))
        {
            return absolute;
        }

        try
        {
            return new Uri(Path.GetFullPath(uri));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException or UriFormatException)
        {
            throw new FlyteTypeException($"The blob literal's URI \"{uri}\" is neither an absolute URI nor a local path.", e);
        }
    }

    /// <summary>What a literal stores: the URI as spelled.</summary>
    public static string ToLiteral(Uri uri) => uri.OriginalString;

    public static string? LocalPath(Uri uri) => uri.IsFile ? uri.LocalPath : null;

    public static bool SameLocation(Uri left, Uri right) => string.Equals(left.AbsoluteUri, right.AbsoluteUri, StringComparison.Ordinal);

    public static int LocationHash(Uri uri) => StringComparer.Ordinal.GetHashCode(uri.AbsoluteUri);

    // Local files are always spelled as escaped file:/// URIs, so equal paths give equal literals (and cache keys).
    private static Uri Canonical(Uri uri) => uri.IsFile ? new Uri(uri.AbsoluteUri) : uri;
}
