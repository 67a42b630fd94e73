using System.Collections.Concurrent;
using FlyteSharp.Typing;

namespace FlyteSharp.Generator.Parser
{
    /// <summary>
    /// The one place the generator computes a cached task's catalog dataset version (DESIGN §6):
    /// <c>trim(cacheVersion, ' ')-{8 chars of H(inputs)}-{8 chars of H(outputs)}</c> over the interface stripped as
    /// propeller strips it. The runtime computes the same with the same code, linked here as source, so the
    /// constant the generator writes is the version Flyte and the runtime use.
    /// </summary>
    internal static class CompileTimeDatasetVersion
    {
        // Roslyn re-runs the task transform for every cached method after each edit, but a dataset version depends
        // only on the cache version and the interface, which an edit almost never changes: remember them. The key is
        // the equatable model, so a changed signature is a new entry. Bounded, since a long IDE session sees many.
        private const int MaxEntries = 4096;
        private static readonly ConcurrentDictionary<(string CacheVersion, FlyteInterface Interface), string> Known = new();

        /// <summary>
        /// The dataset version of a task cached under <paramref name="cacheVersion"/> (not empty or whitespace:
        /// the parser reports that first) with <paramref name="interface"/>.
        /// </summary>
        public static string? Compute(string cacheVersion, FlyteInterface @interface)
        {
            var key = (cacheVersion, @interface);
            if (Known.TryGetValue(key, out var known))
            {
                return known;
            }

            var version = FlyteSharp.Hashing.DatasetVersion.Compute(cacheVersion, @interface);
            if (Known.Count >= MaxEntries)
            {
                Known.Clear();
            }

            Known[key] = version;
            return version;
        }
    }
}
