using Flyteidl.Core;
using FlyteSharp.Typing;

namespace FlyteSharp.Literals.Codecs;

/// <summary>
/// Converts one C# type to and from Flyte literals. Built once per type (by reflection, in
/// <see cref="CodecFactory"/>); each call afterwards is plain compiled code.
/// </summary>
internal abstract class Codec
{
    protected Codec(Type clrType, FlyteType type)
    {
        ClrType = clrType;
        Type = type;
        LiteralType = LiteralTypeModel.ToLiteralType(type);
    }

    /// <summary>The C# type converted.</summary>
    public Type ClrType { get; }

    /// <summary>The Flyte type of the literals written.</summary>
    public FlyteType Type { get; }

    /// <summary>The protobuf form of <see cref="Type"/>. Shared: clone before handing it out or embedding it.</summary>
    public LiteralType LiteralType { get; }

    /// <summary>Whether null is a value of this type (a <c>T?</c>, written as a union with NONE).</summary>
    public virtual bool AcceptsNull => false;

    public abstract Literal EncodeObject(object? value);

    public abstract object? DecodeObject(Literal literal);

    protected string DisplayName => TypeDisplay.Of(ClrType);

    /// <summary>The error for a literal of the wrong kind.</summary>
    protected FlyteTypeException Mismatch(Literal literal, string expected) =>
        new($"Cannot read {LiteralDescription.Of(literal)} as {DisplayName} (Flyte type {Type}): expected {expected}.");
}

/// <summary>A <see cref="Codec"/> for values of type <typeparamref name="T"/>.</summary>
internal abstract class Codec<T> : Codec
{
    protected Codec(FlyteType type)
        : base(typeof(T), type)
    {
    }

    /// <summary>Writes <paramref name="value"/> as a literal; null only where <see cref="Codec.AcceptsNull"/>.</summary>
    public Literal Encode(T value)
    {
        if (value is null && !AcceptsNull)
        {
            throw new FlyteTypeException(
                $"null is not a value of {DisplayName} (Flyte type {Type}); declare it as {DisplayName}? to allow null.");
        }

        return Write(value);
    }

    /// <summary>
    /// Reads <paramref name="literal"/>. A union literal is unwrapped for a non-union type (lenient, like flytekit),
    /// so a value written as <c>T?</c> reads back as <c>T</c> when it is not null.
    /// </summary>
    public T Decode(Literal literal)
    {
        if (literal is null)
        {
            throw new FlyteTypeException($"Cannot read {DisplayName} from a missing (null) literal.");
        }

        if (literal.ValueCase == Literal.ValueOneofCase.OffloadedMetadata)
        {
            throw new FlyteTypeException(
                $"Cannot read {DisplayName} from {LiteralDescription.Of(literal)}: offloaded literals are not supported; load the literal first.");
        }

        if (!AcceptsNull && literal.ValueCase == Literal.ValueOneofCase.Scalar && literal.Scalar.ValueCase == Scalar.ValueOneofCase.Union)
        {
            var inner = literal.Scalar.Union.Value;
            if (inner is null || LiteralShapes.IsNone(inner))
            {
                throw new FlyteTypeException(
                    $"Cannot read {LiteralDescription.Of(literal)} holding no value as {DisplayName}: the value is null; declare it as {DisplayName}? to allow null.");
            }

            return Decode(inner);
        }

        if (!AcceptsNull && LiteralShapes.IsNone(literal))
        {
            throw new FlyteTypeException(
                $"Cannot read a none literal as {DisplayName}: the value is null; declare it as {DisplayName}? to allow null.");
        }

        return Read(literal);
    }

    public sealed override Literal EncodeObject(object? value) => value switch
    {
        T typed => Encode(typed),
        null => Encode(default!),
        _ => throw new ArgumentException(
            $"A {TypeDisplay.Of(value.GetType())} was given where {DisplayName} is expected.", nameof(value)),
    };

    public sealed override object? DecodeObject(Literal literal) => Decode(literal);

    /// <summary>Writes a value (not null unless <see cref="Codec.AcceptsNull"/>).</summary>
    protected abstract Literal Write(T value);

    /// <summary>Reads a literal that is neither offloaded nor (for non-union types) a union or none.</summary>
    protected abstract T Read(Literal literal);
}
