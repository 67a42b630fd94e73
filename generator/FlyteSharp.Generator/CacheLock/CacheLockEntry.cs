namespace FlyteSharp.Generator.CacheLock
{
    /// <summary>What <c>flyte.cache.lock.json</c> records about one cached task.</summary>
    /// <param name="TaskName">The Flyte task name, the entry's key.</param>
    /// <param name="CacheVersion">The cache version (as written, or derived from the body).</param>
    /// <param name="DatasetVersion">The catalog dataset version: the cache version and the interface hashes.</param>
    /// <param name="BodyHash">The normalized body hash (<see cref="Parser.MethodBodyHash"/>).</param>
    /// <remarks>Immutable and equatable: it flows through the incremental pipeline.</remarks>
    internal sealed record CacheLockEntry(string TaskName, string CacheVersion, string DatasetVersion, string BodyHash)
    {
        // A dataset version ends with "-" + 8 characters of the inputs hash + "-" + 8 of the outputs hash.
        private const int InterfaceSuffixLength = 18;

        /// <summary>The part of the dataset version that depends on the interface only.</summary>
        public static string InterfacePart(string datasetVersion) =>
            datasetVersion.Length < InterfaceSuffixLength ? datasetVersion : datasetVersion.Substring(datasetVersion.Length - InterfaceSuffixLength);
    }
}
