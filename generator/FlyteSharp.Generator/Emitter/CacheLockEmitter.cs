using System.Collections.Generic;
using FlyteSharp.Generator.CacheLock;
using FlyteSharp.Generator.Parser;

namespace FlyteSharp.Generator.Emitter
{
    /// <summary>
    /// Writes the assembly's cache lock data as <c>[assembly: AssemblyMetadata("FlyteSharp.CacheLock", json)]</c>,
    /// the exact text of <c>flyte.cache.lock.json</c>. Only emitted when the build asks for it
    /// (<c>FlyteSharpCacheLock=true</c>, which <c>flytesharp cache lock</c> sets): the data holds body hashes, so
    /// emitting it on every build would regenerate a file on every body edit.
    /// </summary>
    internal static class CacheLockEmitter
    {
        public const string HintName = "FlyteCacheLock.g.cs";

        /// <summary>The metadata key the CLI reads from the built assembly.</summary>
        public const string MetadataKey = "FlyteSharp.CacheLock";

        /// <summary>The MSBuild property that turns the lock data on.</summary>
        public const string BuildProperty = "build_property.FlyteSharpCacheLock";

        /// <summary>The source holding the lock data of <paramref name="entries"/>.</summary>
        public static string Emit(IEnumerable<CacheLockEntry> entries)
        {
            var writer = new SourceWriter();
            FileHeader.Write(writer);
            writer.WriteLine("[assembly: global::System.Reflection.AssemblyMetadata("
                + CSharpSource.StringLiteral(MetadataKey) + ", " + CSharpSource.StringLiteral(CacheLockJson.Write(entries)) + ")]");
            return writer.ToString();
        }
    }
}
