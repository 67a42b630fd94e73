namespace FlyteSharp.Generator.Parser
{
    /// <summary>
    /// Metadata names of the runtime types the generator recognises. It matches by name, not by reference, so it
    /// works whichever FlyteSharp assembly (or source stand-in) the compilation has.
    /// </summary>
    internal static class KnownTypeNames
    {
        public const string FlyteTaskAttribute = "FlyteSharp.FlyteTaskAttribute";
        public const string FlyteReferenceTaskAttribute = "FlyteSharp.FlyteReferenceTaskAttribute";
        public const string BlobFormatAttribute = "FlyteSharp.BlobFormatAttribute";
        public const string FlyteFile = "FlyteSharp.FlyteFile";
        public const string FlyteFileOfFormat = "FlyteSharp.FlyteFile`1";
        public const string FlyteDirectory = "FlyteSharp.FlyteDirectory";
        public const string FlyteDirectoryOfFormat = "FlyteSharp.FlyteDirectory`1";
        public const string FormatsNamespace = "FlyteSharp.Formats";

        public const string DateTimeOffset = "System.DateTimeOffset";
        public const string TimeSpan = "System.TimeSpan";
        public const string CancellationToken = "System.Threading.CancellationToken";
        public const string Task = "System.Threading.Tasks.Task";
        public const string TaskOfT = "System.Threading.Tasks.Task`1";
        public const string ValueTask = "System.Threading.Tasks.ValueTask";
        public const string ValueTaskOfT = "System.Threading.Tasks.ValueTask`1";

        public const string List = "System.Collections.Generic.List`1";
        public const string IList = "System.Collections.Generic.IList`1";
        public const string ICollection = "System.Collections.Generic.ICollection`1";
        public const string IEnumerable = "System.Collections.Generic.IEnumerable`1";
        public const string IReadOnlyList = "System.Collections.Generic.IReadOnlyList`1";
        public const string IReadOnlyCollection = "System.Collections.Generic.IReadOnlyCollection`1";
        public const string Dictionary = "System.Collections.Generic.Dictionary`2";
        public const string IDictionary = "System.Collections.Generic.IDictionary`2";
        public const string IReadOnlyDictionary = "System.Collections.Generic.IReadOnlyDictionary`2";
    }
}
