using FlyteSharp.Core;
using FlyteSharp.Generator.Diagnostics;
using FlyteSharp.Generator.Model;
using FlyteSharp.Typing;

namespace FlyteSharp.Generator.ReferenceTasks
{
    /// <summary>The interface that declares reference tasks, and the names of what is generated for it.</summary>
    /// <param name="Namespace">The interface's namespace, empty for the global namespace.</param>
    /// <param name="Name">The interface's name, e.g. <c>IPythonTasks</c>.</param>
    /// <param name="FullyQualifiedName">The interface as generated code names it.</param>
    /// <param name="HintName">A name unique in the compilation, for the generated file.</param>
    /// <param name="IsPublic">Whether the generated descriptor class is public (else internal, like the interface).</param>
    /// <remarks>Immutable and equatable: see <see cref="TaskClassSpec"/>.</remarks>
    internal sealed record ReferenceInterfaceInfo(string Namespace, string Name, string FullyQualifiedName, string HintName, bool IsPublic)
    {
        /// <summary><c>IPythonTasks</c> gives <c>PythonTasks</c>; a name without the <c>I</c> convention stays as it is.</summary>
        public string BaseName => Name.Length > 1 && Name[0] == 'I' && char.IsUpper(Name[1]) ? Name.Substring(1) : Name;

        /// <summary>The generated static class with descriptors, registration and client: <c>{BaseName}Flyte</c>.</summary>
        public string DescriptorClassName => BaseName + "Flyte";

        /// <summary>The generated DI registration: <c>Add{BaseName}</c>.</summary>
        public string RegistrationMethodName => "Add" + BaseName;

        /// <summary>The descriptor class as generated code names it.</summary>
        public string FullyQualifiedDescriptorClassName =>
            Namespace.Length == 0 ? "global::" + DescriptorClassName : "global::" + Namespace + "." + DescriptorClassName;
    }

    /// <summary>The attribute's arguments, as written.</summary>
    internal sealed record ReferenceTaskId(string Project, string Domain, string Name, string Version, string CacheVersion, string InterfaceFile);

    /// <summary>One <c>[FlyteReferenceTask]</c> method after reading its symbols, before it is checked against its pinned file.</summary>
    /// <param name="Interface">The declaring interface.</param>
    /// <param name="MethodName">The method name.</param>
    /// <param name="Id">The attribute's arguments, null when the declaration has errors.</param>
    /// <param name="ResultTypeName">The C# type of <c>Task&lt;T&gt;</c>'s T, null for <c>Task</c>.</param>
    /// <param name="Parameters">The parameters in order, cancellation tokens included.</param>
    /// <param name="Inputs">The C# inputs' Flyte types with where to report a mismatch.</param>
    /// <param name="Outputs">The C# outputs.</param>
    /// <param name="OutputTypes">The C# outputs' Flyte types.</param>
    /// <param name="Diagnostics">What is wrong with the declaration alone.</param>
    /// <param name="MethodLocation">The method name.</param>
    /// <param name="ReturnTypeLocation">The return type.</param>
    /// <param name="InterfaceFileLocation">The <c>InterfaceFile</c> argument.</param>
    internal sealed record ReferenceMethod(
        ReferenceInterfaceInfo Interface,
        string MethodName,
        ReferenceTaskId? Id,
        string? ResultTypeName,
        EquatableArray<TaskParameterSpec> Parameters,
        EquatableArray<ReferenceInput> Inputs,
        EquatableArray<TaskOutputSpec> Outputs,
        EquatableArray<FlyteVariable> OutputTypes,
        EquatableArray<DiagnosticInfo> Diagnostics,
        LocationInfo? MethodLocation,
        LocationInfo? ReturnTypeLocation,
        LocationInfo? InterfaceFileLocation);

    /// <summary>A C# input: its Flyte type and where a mismatch is reported.</summary>
    internal sealed record ReferenceInput(FlyteVariable Variable, LocationInfo? TypeLocation);

    /// <summary>A pinned interface file, read and parsed once per change of the file.</summary>
    /// <param name="Path">The file's path as the compiler has it.</param>
    /// <param name="Interface">The pinned interface, null when the file cannot be read as one.</param>
    /// <param name="Error">Why it cannot, null when it can.</param>
    internal sealed record PinnedInterfaceFile(string Path, FlyteInterface? Interface, string? Error);

    /// <summary>A reference task checked against its pinned interface: what to generate, ready for the emitter.</summary>
    /// <param name="Interface">The declaring interface.</param>
    /// <param name="MethodName">The method name, also the generated member's name.</param>
    /// <param name="BaseName">The method name without a trailing <c>Async</c>: names the descriptor and constants.</param>
    /// <param name="Id">The reference task.</param>
    /// <param name="ResultTypeName">The C# type of <c>Task&lt;T&gt;</c>'s T, null for <c>Task</c>.</param>
    /// <param name="Parameters">The parameters in order, cancellation tokens included.</param>
    /// <param name="Outputs">The C# outputs.</param>
    /// <param name="Local">The interface the C# signature has (for the literal converter's nullability signatures).</param>
    /// <param name="Pinned">The pinned remote interface: the descriptor's interface and what the dataset version hashes.</param>
    /// <param name="DatasetName">The catalog dataset name: <c>flyte_task-</c> + the remote task name.</param>
    /// <param name="DatasetVersion">The catalog dataset version, from the cache version and the pinned interface.</param>
    /// <remarks>Immutable and equatable: see <see cref="TaskClassSpec"/>.</remarks>
    internal sealed record ReferenceTaskSpec(
        ReferenceInterfaceInfo Interface,
        string MethodName,
        string BaseName,
        ReferenceTaskId Id,
        string? ResultTypeName,
        EquatableArray<TaskParameterSpec> Parameters,
        EquatableArray<TaskOutputSpec> Outputs,
        FlyteInterface Local,
        FlyteInterface Pinned,
        string DatasetName,
        string DatasetVersion);

    /// <summary>The outcome of checking one reference task: the spec to emit (null on errors) and the diagnostics.</summary>
    internal sealed record ReferenceTaskResult(ReferenceTaskSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>The reference tasks of one interface: the unit of one generated file.</summary>
    internal sealed record ReferenceInterfaceSpec(ReferenceInterfaceInfo Interface, EquatableArray<ReferenceTaskSpec> Tasks);
}
