namespace FlyteSharp;

/// <summary>Where a cached task's cache version comes from (<see cref="FlyteTaskAttribute.CacheVersionPolicy"/>).</summary>
public enum CacheVersionPolicy
{
    /// <summary>The version is <see cref="FlyteTaskAttribute.CacheVersion"/>, which is required; bump it by hand when the task changes.</summary>
    Explicit = 0,

    /// <summary>
    /// The version is derived at compile time from a hash of the method body that ignores whitespace and comments
    /// (like Flyte 2's function-body policy): editing the body invalidates the cache by itself.
    /// <see cref="FlyteTaskAttribute.CacheVersion"/> is optional and, when given, prefixes the derived version, so
    /// it can still be bumped for changes the body does not show (a helper it calls, a data fix).
    /// </summary>
    FunctionBody = 1,
}
