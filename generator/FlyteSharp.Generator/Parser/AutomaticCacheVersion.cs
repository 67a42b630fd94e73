namespace FlyteSharp.Generator.Parser
{
    /// <summary>
    /// The cache version of a task with <c>CacheVersionPolicy.FunctionBody</c>: <c>body.{16 hex digits}</c> of the
    /// normalized body hash, after the written <c>CacheVersion</c> and a dash when one is given. Sixteen hex digits
    /// (64 bits) keep the dataset version short while making an accidental collision between two edits of one
    /// task negligible.
    /// </summary>
    internal static class AutomaticCacheVersion
    {
        private const int HexDigits = 16;

        /// <summary>The version derived from <paramref name="bodyHash"/> (a <see cref="MethodBodyHash"/>), salted by <paramref name="writtenVersion"/>.</summary>
        public static string Derive(string? writtenVersion, string bodyHash)
        {
            var hex = bodyHash.StartsWith(MethodBodyHash.Prefix, System.StringComparison.Ordinal)
                ? bodyHash.Substring(MethodBodyHash.Prefix.Length)
                : bodyHash;
            var derived = "body." + hex.Substring(0, System.Math.Min(HexDigits, hex.Length));
            return string.IsNullOrWhiteSpace(writtenVersion) ? derived : writtenVersion!.Trim(' ') + "-" + derived;
        }
    }
}
