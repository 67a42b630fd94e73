namespace FlyteSharp.Caching;

/// <summary>
/// A cache key (artifact tag or dataset version) cannot be computed for this input, for the same reason Flyte's
/// own code refuses it: e.g. a Timestamp whose nanos are out of range, or a Struct value with no kind set.
/// </summary>
public sealed class CacheKeyException : Exception
{
    /// <summary>Creates the exception with a message that names the offending value.</summary>
    public CacheKeyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public CacheKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public CacheKeyException()
        : base("A Flyte cache key cannot be computed for this input.")
    {
    }
}
