namespace FlyteSharp.Generator.Pipeline
{
    /// <summary>
    /// Names of the pipeline steps, given with <c>WithTrackingName</c>; the incremental tests look the steps up
    /// by these names to check what was cached.
    /// </summary>
    internal static class TrackingNames
    {
        /// <summary>Each <c>[FlyteTask]</c> method parsed into a task and its diagnostics.</summary>
        public const string TaskMethods = nameof(TaskMethods);

        /// <summary>The tasks without anything location-dependent: what the source output depends on.</summary>
        public const string TaskDeclarations = nameof(TaskDeclarations);

        /// <summary>All task declarations grouped into one spec per class.</summary>
        public const string TaskClasses = nameof(TaskClasses);

        /// <summary>One spec per class, the input of each class's source output.</summary>
        public const string TaskClass = nameof(TaskClass);

        /// <summary>The classes and the assembly name, the input of <c>AddGeneratedFlyteTasks()</c>.</summary>
        public const string Registration = nameof(Registration);

        /// <summary>Whether the build asks for the cache lock data (<c>FlyteSharpCacheLock=true</c>).</summary>
        public const string CacheLockRequested = nameof(CacheLockRequested);

        /// <summary>The cache lock entries of every cached task, empty unless the build asks for them.</summary>
        public const string CacheLock = nameof(CacheLock);

        /// <summary>The diagnostics of one method.</summary>
        public const string TaskDiagnostics = nameof(TaskDiagnostics);

        /// <summary>The diagnostics over all tasks (duplicate names, colliding members).</summary>
        public const string TaskSetDiagnostics = nameof(TaskSetDiagnostics);

        /// <summary>Each <c>[BlobFormat]</c> type parsed.</summary>
        public const string FormatDeclarations = nameof(FormatDeclarations);

        /// <summary>The diagnostics over all format types (duplicate names).</summary>
        public const string FormatSetDiagnostics = nameof(FormatSetDiagnostics);
    

        /// <summary>Each <c>[FlyteReferenceTask]</c> method read from its symbols.</summary>
        public const string ReferenceMethods = nameof(ReferenceMethods);

        /// <summary>Each pinned interface file an attribute names, read and parsed.</summary>
        public const string PinnedInterfaces = nameof(PinnedInterfaces);

        /// <summary>Each reference task checked against its pinned interface.</summary>
        public const string ReferenceTasks = nameof(ReferenceTasks);

        /// <summary>The checked reference tasks grouped into one spec per interface.</summary>
        public const string ReferenceInterfaces = nameof(ReferenceInterfaces);

        /// <summary>The diagnostics of every reference task, each once.</summary>
        public const string ReferenceDiagnostics = nameof(ReferenceDiagnostics);
    }
}
