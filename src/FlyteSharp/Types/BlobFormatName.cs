using System.Reflection;

namespace FlyteSharp;

/// <summary>The <see cref="BlobFormatAttribute"/> name of <typeparamref name="TFormat"/>, read once.</summary>
internal static class BlobFormatName<TFormat>
{
    private static readonly string? Name = typeof(TFormat).GetCustomAttribute<BlobFormatAttribute>(inherit: false)?.Name;

    /// <summary>The format name; a clear error when <typeparamref name="TFormat"/> is not a format type.</summary>
    public static string Value => Name ?? throw new FlyteTypeException(
        $"{TypeDisplay.Of(typeof(TFormat))} is used as a blob format but has no [BlobFormat(\"...\")] attribute; " +
        "mark it with one, or use a format from FlyteSharp.Formats.");
}

/// <summary>The lenient Blob rule applied to one value: an unknown format (<c>""</c>) fits any format.</summary>
internal static class BlobFormatRule
{
    public static bool Fits(string actual, string expected) =>
        actual.Length == 0 || expected.Length == 0 || string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase);
}
