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
        /// the parser reports that first) with <paramref name="interface"/>.
        /// </summary>
        public static string? Compute(string cacheVersion, FlyteInterface @interface) =>
            FlyteSharp.Hashing.DatasetVersion.Compute(cacheVersion, @interface);
    }
}
