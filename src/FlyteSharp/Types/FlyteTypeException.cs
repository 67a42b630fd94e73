namespace FlyteSharp;

/// <summary>
/// A value does not fit a Flyte type: a literal of the wrong kind, an integer that does not fit, a null where
/// none is allowed, a blob of another format, an unsupported C# type. The message names the C# type and what was
/// found; <see cref="Path"/> says where inside a nested value it happened (<c>[2]["key"]</c>).
/// </summary>
public sealed class FlyteTypeException : Exception
{
    /// <summary>Creates an exception with no path.</summary>
    public FlyteTypeException()
        : this("The value does not fit the Flyte type.")
    {
    }

    /// <summary>Creates an exception for a problem at the root of the value.</summary>
    public FlyteTypeException(string message)
        : this(message, string.Empty, null)
    {
    }

    /// <summary>Creates an exception for a problem at the root of the value, caused by <paramref name="innerException"/>.</summary>
    public FlyteTypeException(string message, Exception? innerException)
        : this(message, string.Empty, innerException)
    {
    }

    /// <summary>Creates an exception for a problem at <paramref name="path"/> inside the value.</summary>
    public FlyteTypeException(string message, string path, Exception? innerException)
        : base(Compose(path, message), innerException)
    {
        Reason = message;
        Path = path ?? string.Empty;
    }

    /// <summary>What went wrong, without the path.</summary>
    public string Reason { get; }

    /// <summary>Where inside the value it went wrong: empty at the root, else e.g. <c>outputs.o0[2]["key"]</c>.</summary>
    public string Path { get; }

    /// <summary>
    /// The same problem seen from one level up: <paramref name="parent"/> (<c>outputs.o0</c>, <c>[2]</c>,
    /// <c>["key"]</c>) is put in front of <see cref="Path"/>.
    /// </summary>
    public FlyteTypeException WithParentPath(string parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        var joined = Path.Length == 0 || Path[0] == '[' || Path[0] == '.' || parent.Length == 0
            ? parent + Path
            : parent + "." + Path;
        return new FlyteTypeException(Reason, joined, this);
    }

    private static string Compose(string? path, string message) =>
        string.IsNullOrEmpty(path) ? message : path + ": " + message;
}
