using System;

namespace FlyteSharp.Hashing;

/// <summary>Unpadded URL-safe base64 (Go's <c>base64.RawURLEncoding</c>), the alphabet of Flyte's tags and dataset versions.</summary>
public static class Base64Url
{
    /// <summary>Encodes <paramref name="bytes"/> with <c>-</c> and <c>_</c> and no padding.</summary>
    public static string Encode(byte[] bytes)
    {
        _ = bytes ?? throw new ArgumentNullException(nameof(bytes));

#if NET9_0_OR_GREATER
        return System.Buffers.Text.Base64Url.EncodeToString(bytes);
#else
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
#endif
    }
}
