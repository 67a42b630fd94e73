using Flyteidl.Core;
using FlyteSharp.Literals.Codecs;
using FlyteSharp.Typing;

namespace FlyteSharp.Literals;

/// <summary>
/// Converts <typeparamref name="T"/> to and from Flyte literals. Get one from <see cref="LiteralConverter.For{T}()"/>
/// (or with a nullability signature) and keep it: it is immutable, thread-safe, and does no reflection per call.
/// </summary>
public sealed class LiteralConverter<T> : ILiteralConverter
{
    private readonly Codec<T> codec;

    internal LiteralConverter(Codec<T> codec, string nullabilitySignature)
    {
        this.codec = codec;
        NullabilitySignature = nullabilitySignature;
    }

    /// <inheritdoc/>
    public Type ClrType => typeof(T);

    /// <inheritdoc/>
    public string NullabilitySignature { get; }

    /// <inheritdoc/>
    public FlyteType Type => codec.Type;

    /// <inheritdoc/>
    public LiteralType CreateLiteralType() => codec.LiteralType.Clone();

    /// <summary>Writes <paramref name="value"/> as a literal of <see cref="Type"/>.</summary>
    /// <exception cref="FlyteTypeException">The value does not fit the Flyte type (a null where none is allowed, ...).</exception>
    public Literal ToLiteral(T value) => codec.Encode(value);

    /// <summary>Reads <paramref name="literal"/> as a <typeparamref name="T"/>.</summary>
    /// <exception cref="FlyteTypeException">The literal does not fit (wrong kind, out of range, another format, ...).</exception>
    public T FromLiteral(Literal literal) => codec.Decode(literal);

    Literal ILiteralConverter.ToLiteral(object? value) => codec.EncodeObject(value);

    object? ILiteralConverter.FromLiteral(Literal literal) => codec.DecodeObject(literal);
}
