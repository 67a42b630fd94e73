using FlyteSharp.Core;
using FlyteSharp.Generator.CacheLock;
using FlyteSharp.Generator.Diagnostics;

namespace FlyteSharp.Generator.Model
{
    /// <summary>What parsing one <c>[FlyteTask]</c> method yields: the task (unless it has errors) and its diagnostics.</summary>
    /// <param name="Class">The declaring class.</param>
    /// <param name="Task">The task to generate, or null when an error stops it.</param>
    /// <param name="Diagnostics">Everything to report about this method alone.</param>
    /// <param name="Identity">What checks across tasks (duplicate names, colliding members) need.</param>
    /// <param name="LockEntry">
    /// What the cache lock records for a cached task without errors, else null. It holds the body hash, so it never
    /// reaches the task's source output: only the lock data output, which is empty unless the build asks for it.
    /// </param>
    /// <remarks>
    /// The pipeline splits this at once: <see cref="Task"/> feeds the source output (it holds no locations, so an
    /// edit elsewhere in the file leaves it equal), the rest feeds the diagnostics outputs.
    /// </remarks>
    internal sealed record TaskMethodResult(
        TaskClassInfo Class,
        TaskSpec? Task,
        EquatableArray<DiagnosticInfo> Diagnostics,
        TaskIdentity Identity,
        CacheLockEntry? LockEntry);

    /// <summary>A task paired with its class: the unit the source pipeline groups into files.</summary>
    /// <remarks>Immutable and equatable: see <see cref="TaskClassSpec"/>.</remarks>
    internal sealed record TaskDeclaration(TaskClassInfo Class, TaskSpec Task);

    /// <summary>The names a task claims, with where to report a clash.</summary>
    /// <param name="ClassHintName">The declaring class (its hint name).</param>
    /// <param name="MethodName">The user's method name.</param>
    /// <param name="BaseName">The method name without a trailing <c>Async</c>.</param>
    /// <param name="TaskName">The Flyte task name, null when it is not valid (reported elsewhere).</param>
    /// <param name="TaskNameLocation">The <c>Name</c> argument when given, else the method name.</param>
    /// <param name="MethodLocation">The method name.</param>
    internal sealed record TaskIdentity(
        string ClassHintName,
        string MethodName,
        string BaseName,
        string? TaskName,
        LocationInfo? TaskNameLocation,
        LocationInfo? MethodLocation);

    /// <summary>A type marked <c>[BlobFormat("...")]</c> in this compilation.</summary>
    /// <param name="TypeName">The format type, for messages.</param>
    /// <param name="FormatName">The format name it claims.</param>
    /// <param name="Location">The format name argument.</param>
    /// <param name="Diagnostics">What is wrong with this declaration alone.</param>
    internal sealed record FormatDeclaration(
        string TypeName,
        string FormatName,
        LocationInfo? Location,
        EquatableArray<DiagnosticInfo> Diagnostics);
}
