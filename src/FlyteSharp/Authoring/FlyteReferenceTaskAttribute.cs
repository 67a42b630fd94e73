namespace FlyteSharp;

/// <summary>
/// Declares a task that lives elsewhere, for instance a Python task registered on a Flyte cluster, on a method of an
/// interface. The FlyteSharp source generator checks the method's signature against the task's pinned Flyte
/// interface (<see cref="InterfaceFile"/>) with Flyte's castability rules and generates the implementation: a call
/// looks up the task's cached result in the shared catalog and never runs anything locally, so a miss is an error
/// telling you to run the task on the cluster first.
/// </summary>
/// <example>
/// <code>
/// public partial interface IPythonTasks
/// {
///     [FlyteReferenceTask("flytesnacks", "development", "workflows.clean.clean", "v3",
///         InterfaceFile = "pinned/clean.json", CacheVersion = "1.0")]
///     Task&lt;FlyteFile&lt;Csv&gt;&gt; CleanAsync(FlyteFile&lt;Csv&gt; raw, CancellationToken cancellationToken = default);
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class FlyteReferenceTaskAttribute : Attribute
{
    /// <summary>Declares the reference task <paramref name="project"/>/<paramref name="domain"/>/<paramref name="name"/>/<paramref name="version"/>.</summary>
    /// <param name="project">The Flyte project the task is registered in; it is also the project of its catalog dataset.</param>
    /// <param name="domain">The Flyte domain the task is registered in; it is also the domain of its catalog dataset.</param>
    /// <param name="name">The task's Flyte name, e.g. <c>workflows.clean.clean</c>.</param>
    /// <param name="version">The registered task version (the one its interface was pinned from).</param>
    public FlyteReferenceTaskAttribute(string project, string domain, string name, string version)
    {
        Project = project;
        Domain = domain;
        Name = name;
        Version = version;
    }

    /// <summary>The Flyte project of the task.</summary>
    public string Project { get; }

    /// <summary>The Flyte domain of the task.</summary>
    public string Domain { get; }

    /// <summary>The Flyte task name.</summary>
    public string Name { get; }

    /// <summary>The registered task version.</summary>
    public string Version { get; }

    /// <summary>
    /// The pinned interface: the path, relative to the project, of an <c>AdditionalFiles</c> item holding the proto3
    /// JSON of the task's <c>TaskTemplate</c> (its <c>interface</c> field is read), of a bare <c>TypedInterface</c>, or
    /// of an admin <c>Task</c> as <c>flytectl get task -o json</c> prints it. Required.
    /// </summary>
    public string? InterfaceFile { get; set; }

    /// <summary>
    /// The remote task's cache (discovery) version, as set on the Python task (<c>cache_version</c>). With the pinned
    /// interface it gives the catalog dataset version the cluster writes to. Required.
    /// </summary>
    public string? CacheVersion { get; set; }
}
