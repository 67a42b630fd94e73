using FlyteSharp.Core;
using FlyteSharp.Typing;

namespace FlyteSharp.Generator.Model
{
    /// <summary>One <c>[FlyteTask]</c> method, parsed and validated.</summary>
    /// <param name="MethodName">The user's method name.</param>
    /// <param name="BaseName">The method name without a trailing <c>Async</c>: names the descriptor and <c>{BaseName}Async</c>.</param>
    /// <param name="TaskName">The Flyte task name.</param>
    /// <param name="IsStatic">Whether the method is static (no instance is resolved to run it).</param>
    /// <param name="Invocation">How the user's method returns its result.</param>
    /// <param name="ResultTypeName">The C# type of the typed client's result (<c>Task&lt;T&gt;</c>'s T), null without outputs.</param>
    /// <param name="Parameters">The user's parameters in declaration order, cancellation tokens included.</param>
    /// <param name="Outputs">The outputs in order: <c>o0</c> or the tuple's elements.</param>
    /// <param name="Cache">The cache settings and the dataset computed at compile time.</param>
    /// <param name="DocumentationCref">A <c>cref</c> naming the user's method exactly, for <c>&lt;inheritdoc&gt;</c>.</param>
    /// <param name="Interface">The task's Flyte interface, as the generated <c>TypedInterface</c> and the dataset version see it.</param>
    /// <remarks>Immutable and equatable: see <see cref="TaskClassSpec"/>.</remarks>
    internal sealed record TaskSpec(
        string MethodName,
        string BaseName,
        string TaskName,
        bool IsStatic,
        TaskInvocation Invocation,
        string? ResultTypeName,
        EquatableArray<TaskParameterSpec> Parameters,
        EquatableArray<TaskOutputSpec> Outputs,
        TaskCacheSpec Cache,
        string DocumentationCref,
        FlyteInterface Interface);

    /// <summary>The shape of the user's method's return, which decides how generated code awaits it.</summary>
    internal enum TaskInvocation
    {
        /// <summary><c>void</c>: no outputs.</summary>
        Void,

        /// <summary>A value returned synchronously.</summary>
        Value,

        /// <summary><c>Task</c> or <c>ValueTask</c>: awaited, no outputs.</summary>
        Awaitable,

        /// <summary><c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c>: awaited for its value.</summary>
        AwaitableValue,
    }

    /// <summary>One parameter of the user's method.</summary>
    /// <param name="Name">The parameter name, which is also the Flyte input name.</param>
    /// <param name="Identifier">The name as a C# identifier (a keyword gets its <c>@</c>).</param>
    /// <param name="TypeName">The parameter type as generated code names it.</param>
    /// <param name="IsCancellationToken">A <c>CancellationToken</c>: not an input; receives the runner's token.</param>
    /// <param name="DefaultValue">The default value as C# source, null when there is none.</param>
    /// <param name="Modifier">The modifier to repeat in a <c>cref</c> (<c>in</c>) or empty.</param>
    /// <remarks>Immutable and equatable: see <see cref="TaskClassSpec"/>.</remarks>
    internal sealed record TaskParameterSpec(
        string Name,
        string Identifier,
        string TypeName,
        bool IsCancellationToken,
        string? DefaultValue,
        string Modifier);

    /// <summary>One output of a task.</summary>
    /// <param name="Name">The Flyte output name: <c>o0</c>, <c>o1</c>, ... or the tuple element's name.</param>
    /// <param name="TypeName">The output's C# type as generated code names it.</param>
    /// <param name="TupleElement">The tuple field that holds it (<c>Item1</c>, ...), null for a single output.</param>
    /// <remarks>Immutable and equatable: see <see cref="TaskClassSpec"/>.</remarks>
    internal sealed record TaskOutputSpec(string Name, string TypeName, string? TupleElement);

    /// <summary>The cache settings of a task, and its catalog dataset computed at compile time.</summary>
    /// <param name="Enabled">Whether outputs are memoized.</param>
    /// <param name="Version">The cache version as written or as derived from the body, null when not cached.</param>
    /// <param name="Serialize">Whether concurrent executions for the same inputs are serialized.</param>
    /// <param name="IgnoredInputs">Inputs left out of the cache key, as written (duplicates removed).</param>
    /// <param name="DatasetName">The catalog dataset name: <c>flyte_task-</c> + task name.</param>
    /// <param name="DatasetVersion">The catalog dataset version, null when not cached or not computable.</param>
    /// <param name="BodyHash">
    /// The normalized body hash the version was derived from, only for tasks with
    /// <c>CacheVersionPolicy.FunctionBody</c>: for any other task it stays null so a body edit leaves the model equal.
    /// </param>
    /// <remarks>Immutable and equatable: see <see cref="TaskClassSpec"/>.</remarks>
    internal sealed record TaskCacheSpec(
        bool Enabled,
        string? Version,
        bool Serialize,
        EquatableArray<string> IgnoredInputs,
        string DatasetName,
        string? DatasetVersion,
        string? BodyHash);
}
