using Flyteidl.Core;
using FlyteSharp.Typing;

namespace FlyteSharp.Literals;

/// <summary>A converter between one C# type and Flyte literals, when the type is only known at run time.</summary>
public interface ILiteralConverter
{
    /// <summary>The C# type converted.</summary>
    Type ClrType { get; }

    /// <summary>Which positions of <see cref="ClrType"/> may be null (see <see cref="NullabilitySignature"/>).</summary>
    string NullabilitySignature { get; }

    /// <summary>The Flyte type of the literals, as the shared type model.</summary>
    FlyteType Type { get; }

    /// <summary>A fresh protobuf copy of <see cref="Type"/>.</summary>
    LiteralType CreateLiteralType();

    /// <summary>Writes <paramref name="value"/> (a <see cref="ClrType"/>, or null where allowed).</summary>
    /// <exception cref="FlyteTypeException">The value does not fit the Flyte type (a null where none is allowed, ...).</exception>
    Literal ToLiteral(object? value);

    /// <summary>Reads <paramref name="literal"/> as a <see cref="ClrType"/>.</summary>
    /// <exception cref="FlyteTypeException">The literal does not fit (wrong kind, out of range, another format, ...).</exception>
    object? FromLiteral(Literal literal);
}
