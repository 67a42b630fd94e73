using Microsoft.CodeAnalysis;

namespace FlyteSharp.Generator.Diagnostics
{
    /// <summary>
    /// Every diagnostic the generator reports. Ids are grouped in ranges: FLYTE001-019 the task method and its
    /// types, FLYTE020-029 the cache settings, FLYTE030-039 blob formats, FLYTE040-049 the cache lock (reported by
    /// <see cref="CacheLock.CacheLockAnalyzer"/>, not the generator), FLYTE050-059 reference tasks. Each id has a page
    /// <c>docs/diagnostics/FLYTE###.md</c> and a line in <c>AnalyzerReleases.Unshipped.md</c>; the checklist for a
    /// new one is in <c>docs/diagnostics/README.md</c>.
    /// </summary>
    internal static class DiagnosticDescriptors
    {
        private const string Category = "FlyteSharp";

        private const string LockFile = "flyte.cache.lock.json";

        // The docs folder of the repository; each page explains what, why, how to fix, with an example.
        private const string HelpLinkBase = "https://github.com/FlyteSharp/FlyteSharp/blob/main/docs/diagnostics/";

        /// <summary>The types a task may use, quoted by the unsupported-type messages.</summary>
        public const string SupportedTypes =
            "long, int, short, byte, double, float, string, bool, DateTime, DateTimeOffset, TimeSpan, FlyteFile, FlyteFile<TFormat>, "
            + "FlyteDirectory, FlyteDirectory<TFormat>, enums, T? of these, arrays and List/IList/ICollection/IEnumerable/"
            + "IReadOnlyList/IReadOnlyCollection of these, and Dictionary/IDictionary/IReadOnlyDictionary with string keys";

        public static readonly DiagnosticDescriptor UnsupportedParameterType = Error(
            "FLYTE001",
            "Unsupported task parameter type",
            "Parameter '{0}' of task '{1}' has type '{2}', which has no Flyte type: {3}. Supported: " + SupportedTypes + ".");

        public static readonly DiagnosticDescriptor UnsupportedReturnType = Error(
            "FLYTE002",
            "Unsupported task return type",
            "Task '{0}' returns '{1}', which has no Flyte type: {2}. A task returns void, Task, ValueTask, T, Task<T> or ValueTask<T>, "
            + "where T is one supported type or a tuple of them: " + SupportedTypes + ".");

        public static readonly DiagnosticDescriptor GenericTaskMethod = Error(
            "FLYTE003",
            "Task method is generic",
            "Task method '{0}' is generic; a Flyte task has one fixed interface, so declare it without type parameters");

        public static readonly DiagnosticDescriptor TaskMethodNotPublic = Error(
            "FLYTE004",
            "Task method is not public",
            "Task method '{0}' is {1}; a task must be a public method of a class so the generated client can call it");

        public static readonly DiagnosticDescriptor TaskTypeGeneric = Error(
            "FLYTE005",
            "Task method is in a generic type",
            "Task method '{0}' is in the generic type '{1}'; declare tasks in a non-generic class");

        public static readonly DiagnosticDescriptor TaskTypeNotPublic = Error(
            "FLYTE006",
            "Task method is in a type that is not public",
            "Task method '{0}' is in '{1}', which is {2}; the generated public interface and client need the class to be public");

        public static readonly DiagnosticDescriptor TaskTypeNotClass = Error(
            "FLYTE007",
            "Task method is not in a class",
            "Task method '{0}' is in the {1} '{2}'; declare tasks in a class");

        public static readonly DiagnosticDescriptor InstanceTaskInAbstractClass = Error(
            "FLYTE008",
            "Instance task method in an abstract class",
            "Task method '{0}' is an instance method of the abstract class '{1}', which cannot be created to run it; make the method static or the class concrete");

        public static readonly DiagnosticDescriptor InvalidVariableName = Error(
            "FLYTE009",
            "Name is not a valid Flyte variable name",
            "The {0} name '{1}' of task '{2}' is not a valid Flyte variable name; use ASCII letters, digits and underscores, not starting with a digit");

        public static readonly DiagnosticDescriptor ReservedParameterName = Error(
            "FLYTE010",
            "Parameter name is reserved",
            "Parameter '{0}' of task '{1}' is named like the CancellationToken parameter the generated {2}Async adds; rename it");

        public static readonly DiagnosticDescriptor ByReferenceParameter = Error(
            "FLYTE011",
            "Task parameter is passed by reference",
            "Parameter '{0}' of task '{1}' is '{2}'; task inputs are values, so pass it by value (outputs are the return value)");

        public static readonly DiagnosticDescriptor GeneratedMemberCollision = Error(
            "FLYTE012",
            "Two tasks would generate the same member",
            "Task method '{0}' would generate '{1}' in '{2}', which {3} also generates; rename one of them");

        public static readonly DiagnosticDescriptor DuplicateOutputName = Error(
            "FLYTE013",
            "Two outputs have one name",
            "Task '{0}' has two outputs named '{1}'; name the tuple elements so that every output name is distinct");

        public static readonly DiagnosticDescriptor EmptyTaskName = Error(
            "FLYTE014",
            "Task name is empty",
            "The task name of '{0}' is empty or only whitespace; remove Name to use the default '{1}' or give a name");

        public static readonly DiagnosticDescriptor DuplicateTaskName = Error(
            "FLYTE015",
            "Two tasks have one name",
            "Task name '{0}' is used by {1}; task names identify cache datasets and must be unique in a compilation");

        public static readonly DiagnosticDescriptor CacheWithoutVersion = Error(
            "FLYTE020",
            "Cache without CacheVersion",
            "Task '{0}' sets Cache = true without a CacheVersion; Flyte keys cached outputs by version, so add CacheVersion = \"1\" and bump it when the task's behaviour changes");

        public static readonly DiagnosticDescriptor EmptyCacheVersion = Error(
            "FLYTE021",
            "CacheVersion is empty",
            "The CacheVersion of task '{0}' is empty or only whitespace; Flyte rejects an empty cache version, so give a version such as \"1\"");

        public static readonly DiagnosticDescriptor UnknownIgnoredInput = Error(
            "FLYTE022",
            "CacheIgnoreInputs names no input",
            "CacheIgnoreInputs of task '{0}' names '{1}', which is not an input; inputs are: {2}");

        public static readonly DiagnosticDescriptor SerializeWithoutCache = Error(
            "FLYTE023",
            "CacheSerialize without Cache",
            "Task '{0}' sets CacheSerialize = true without Cache = true; serialization only applies to cached tasks");

        public static readonly DiagnosticDescriptor IgnoredInputsWithoutCache = Error(
            "FLYTE024",
            "CacheIgnoreInputs without Cache",
            "Task '{0}' sets CacheIgnoreInputs without Cache = true; ignored inputs only apply to cached tasks");

        public static readonly DiagnosticDescriptor VersionWithoutCache = Warning(
            "FLYTE025",
            "CacheVersion without Cache",
            "Task '{0}' sets CacheVersion without Cache = true, so its outputs are not cached; add Cache = true or remove CacheVersion");

        public static readonly DiagnosticDescriptor VersionPolicyWithoutCache = Warning(
            "FLYTE026",
            "CacheVersionPolicy without Cache",
            "Task '{0}' sets CacheVersionPolicy but not Cache = true, so nothing is cached and the policy has no effect; add Cache = true or remove CacheVersionPolicy");

        public static readonly DiagnosticDescriptor FormatWithoutAttribute = Error(
            "FLYTE030",
            "Format type has no [BlobFormat]",
            "{0} of task '{1}' uses '{2}' as a blob format, but '{2}' has no [BlobFormat(\"...\")] attribute naming its format");

        public static readonly DiagnosticDescriptor DuplicateFormatName = Error(
            "FLYTE031",
            "Two format types claim one format name",
            "Format type '{0}' claims the format name '{1}', which '{2}' already claims; Flyte compares formats case-insensitively, so each name needs one type");

        public static readonly DiagnosticDescriptor EmptyFormatName = Error(
            "FLYTE032",
            "Format name is empty",
            "Format type '{0}' declares an empty or whitespace format name; an empty format means 'any format', so use FlyteFile or FlyteDirectory without a format instead");

        public static readonly DiagnosticDescriptor BodyChangedWithoutVersion = Warning(
            "FLYTE040",
            "Cached task body changed without a new CacheVersion",
            "The body of cached task '{0}' changed since " + LockFile + " was written, but its cache version '{1}' did not: "
            + "outputs cached by the old code would be served for the new code. Bump CacheVersion (or use "
            + "CacheVersionPolicy.FunctionBody), then run 'flytesharp cache lock'; if the edit does not change results, just run 'flytesharp cache lock'.");

        public static readonly DiagnosticDescriptor InterfaceChanged = Create(
            "FLYTE041",
            "Cached task interface changed",
            "The interface of cached task '{0}' changed since " + LockFile + " was written: its dataset version is now '{1}' (locked: '{2}'), "
            + "so outputs cached under the old interface will not be reused. Run 'flytesharp cache lock' to record the change.",
            DiagnosticSeverity.Info);

        public static readonly DiagnosticDescriptor LockedTaskMissing = Create(
            "FLYTE042",
            "Locked task no longer exists",
            "Task '{0}' is in " + LockFile + " but no cached task of this compilation has that name (renamed, removed or no longer cached); "
            + "its cached outputs are orphaned. Run 'flytesharp cache lock' to drop it, or restore the task.",
            DiagnosticSeverity.Warning,
            WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor UnreadableLockFile = Create(
            "FLYTE043",
            "Cache lock file cannot be read",
            LockFile + " cannot be read: {0}. Regenerate it with 'flytesharp cache lock'.",
            DiagnosticSeverity.Warning,
            WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor PinnedInterfaceNotFound = Error(
            "FLYTE050",
            "Pinned interface file not found",
            "Reference task '{0}' pins its interface in '{1}', but {2}. Add it to the project: <AdditionalFiles Include=\"{1}\" />.");

        public static readonly DiagnosticDescriptor PinnedInterfaceInvalid = Error(
            "FLYTE051",
            "Pinned interface file is not a Flyte interface",
            "'{0}', the pinned interface of reference task '{1}', cannot be read as a Flyte TypedInterface, TaskTemplate or Task: {2}. "
            + "Pin it again with 'flytectl get task -o json' or write the proto3 JSON of its TypedInterface.");

        public static readonly DiagnosticDescriptor ReferenceInputMismatch = Error(
            "FLYTE052",
            "Reference task input type does not match the pinned interface",
            "Parameter '{0}' of reference task '{1}' is {2}, which cannot be passed as the remote input of type {3}: {4}.");

        public static readonly DiagnosticDescriptor ReferenceOutputMismatch = Error(
            "FLYTE053",
            "Reference task output type does not match the pinned interface",
            "Output '{0}' of reference task '{1}' is {2} in the pinned interface, which cannot be read as the C# output's {3}: {4}.");

        public static readonly DiagnosticDescriptor ReferenceParameterNotRemote = Error(
            "FLYTE054",
            "Reference task parameter is not a remote input",
            "Parameter '{0}' of reference task '{1}' is not an input of the remote task; its inputs are: {2}. Rename or remove the parameter.");

        public static readonly DiagnosticDescriptor ReferenceInputMissing = Error(
            "FLYTE055",
            "Remote input has no parameter",
            "Reference task '{0}' has no parameter for the remote input '{1}' ({2}). Add a parameter named '{1}'.");

        public static readonly DiagnosticDescriptor ReferenceOutputNames = Error(
            "FLYTE056",
            "Reference task outputs differ from the pinned interface",
            "Reference task '{0}' returns the outputs {1}, but the remote task's outputs are {2}. "
            + "Return Task<T> for one output named o0, a tuple with the remote names for several, or Task for none.");

        public static readonly DiagnosticDescriptor InvalidReferenceTask = Error(
            "FLYTE057",
            "Invalid reference task declaration",
            "Reference task '{0}' cannot be generated: {1}.");

        private static DiagnosticDescriptor Error(string id, string title, string message) =>
            Create(id, title, message, DiagnosticSeverity.Error);

        private static DiagnosticDescriptor Warning(string id, string title, string message) =>
            Create(id, title, message, DiagnosticSeverity.Warning);

        private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, params string[] tags) =>
            new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md", customTags: tags);
    }
}
