namespace FlyteSharp.Running;

/// <summary>What the cache lookup of a task run found.</summary>
public enum CacheLookupStatus
{
    /// <summary>The task is not cached (or caching is disabled): it ran.</summary>
    Disabled,

    /// <summary>A valid entry was found: outputs came from the catalog and the task did not run.</summary>
    Hit,

    /// <summary>No entry for these inputs: the task ran.</summary>
    Miss,

    /// <summary>An entry was found but failed validation (see the reason): the task ran and the entry was replaced.</summary>
    Rejected,

    /// <summary>Overwrite mode: the read was skipped, the task ran and replaced the entry.</summary>
    Skipped,

    /// <summary>The catalog failed (fail-open): the task ran without the cache.</summary>
    CatalogFailed,
}

/// <summary>What storing the outputs of a task run did.</summary>
public enum CachePutStatus
{
    /// <summary>Nothing was stored (a hit, or caching disabled).</summary>
    None,

    /// <summary>A new entry was created and tagged.</summary>
    Stored,

    /// <summary>An existing entry's data was replaced (rejected entry or overwrite mode).</summary>
    Replaced,

    /// <summary>Another writer tagged an entry for the same inputs first; theirs is kept (first writer wins).</summary>
    AlreadyStored,

    /// <summary>Storing failed (fail-open): the outputs were returned anyway.</summary>
    Failed,
}
