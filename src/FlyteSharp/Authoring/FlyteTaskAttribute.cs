namespace FlyteSharp;

/// <summary>
/// Marks a method as a Flyte task. The FlyteSharp source generator turns each marked method into a typed
/// <c>{Method}Async</c> on the generated <c>I{Class}</c> interface, a descriptor on <c>{Class}Flyte</c> (task
/// name, Flyte <c>TypedInterface</c>, cache dataset name and version computed at compile time) and a DI
/// registration <c>Add{Class}()</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class FlyteTaskAttribute : Attribute
{
    /// <summary>The Flyte task name. Defaults to <c>{Namespace}.{Class}.{Method}</c> without a trailing <c>Async</c>.</summary>
    public string? Name { get; set; }

    /// <summary>Memoize outputs in the catalog, keyed like Flyte (requires <see cref="CacheVersion"/>).</summary>
    public bool Cache { get; set; }

    /// <summary>The cache version; bump it when the task's behaviour changes so old outputs are not reused.</summary>
    public string? CacheVersion { get; set; }

    /// <summary>
    /// Where the cache version comes from: <see cref="CacheVersionPolicy.Explicit"/> (the default) uses
    /// <see cref="CacheVersion"/>; <see cref="CacheVersionPolicy.FunctionBody"/> derives it at compile time from the
    /// method body, so an edit to the body invalidates the cache without a manual bump.
    /// </summary>
    public CacheVersionPolicy CacheVersionPolicy { get; set; }

    /// <summary>Let only one caller at a time execute the task for the same inputs (catalog reservations).</summary>
    public bool CacheSerialize { get; set; }

    /// <summary>Input names left out of the cache key (exact names, top level only, as in Flyte).</summary>
    public string[]? CacheIgnoreInputs { get; set; }
}
