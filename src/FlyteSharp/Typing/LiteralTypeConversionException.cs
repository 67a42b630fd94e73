namespace FlyteSharp.Typing;

/// <summary>
/// A protobuf <c>LiteralType</c> or <c>TypedInterface</c> could not be converted to the FlyteSharp type model (or
/// back): a type with no kind set, an enum value this IDL version does not know, a variable without a type.
/// </summary>
public sealed class LiteralTypeConversionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LiteralTypeConversionException()
        : base("The literal type could not be converted.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public LiteralTypeConversionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public LiteralTypeConversionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
