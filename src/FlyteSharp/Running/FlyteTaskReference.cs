namespace FlyteSharp.Running;

/// <summary>
/// Where a reference task lives: the Flyte identifier of a task registered elsewhere. A descriptor that carries one
/// is run hit-only: the runner reads the task's cached result from the catalog dataset in this project and domain
/// and never executes anything.
/// </summary>
/// <param name="Project">The Flyte project (the catalog dataset's project).</param>
/// <param name="Domain">The Flyte domain (the catalog dataset's domain).</param>
/// <param name="Name">The Flyte task name.</param>
/// <param name="Version">The registered task version.</param>
public sealed record FlyteTaskReference(string Project, string Domain, string Name, string Version)
{
    /// <inheritdoc/>
    public override string ToString() => Project + "/" + Domain + "/" + Name + "/" + Version;
}
