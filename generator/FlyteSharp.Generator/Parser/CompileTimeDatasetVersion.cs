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
        /// <summary>
        /// The dataset version of a task cached under <paramref name="cacheVersion"/> (not empty or whitespace:
        /// the parser reports that first) with <paramref name="interface"/>; null while the hashing core is absent,
        /// in which case the generated descriptor carries no version and the generated constant is left out.
        /// </summary>
        // TODO(merge): return FlyteSharp.Hashing.DatasetVersion.Compute(cacheVersion, @interface);
        // the dependency-free hashing core (src/FlyteSharp/Core/Hashing, branch 'hashing') is linked into this
        // project by FlyteSharp.Generator.csproj; once it is merged, this is its only caller in the generator.
        public static string? Compute(string cacheVersion, FlyteInterface @interface)
        {
            _ = cacheVersion;
            _ = @interface;
            return null;
        }
    }
}
