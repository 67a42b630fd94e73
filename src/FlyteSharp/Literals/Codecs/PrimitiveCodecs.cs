using System.Globalization;
using System.Numerics;
using Flyteidl.Core;
using FlyteSharp.Typing;
using SimpleType = FlyteSharp.Typing.SimpleType;

namespace FlyteSharp.Literals.Codecs;

/// <summary>
/// <c>long</c>, <c>int</c>, <c>short</c>, <c>byte</c> as INTEGER (64-bit). Reading into a narrower type checks the
/// range and fails with the value and the range instead of wrapping around.
/// </summary>
internal sealed class IntegerCodec<T>() : Codec<T>(new SimpleType(SimpleKind.Integer))
    where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
{
    private static readonly long Min = long.CreateTruncating(T.MinValue);
    private static readonly long Max = long.CreateTruncating(T.MaxValue);

    protected override Literal Write(T value) => LiteralShapes.Of(new Primitive { Integer = long.CreateTruncating(value) });

    protected override T Read(Literal literal)
    {
        var primitive = LiteralShapes.PrimitiveOf(literal);
        if (primitive is null || primitive.ValueCase != Primitive.ValueOneofCase.Integer)
        {
            throw Mismatch(literal, "an INTEGER primitive");
        }

        var value = primitive.Integer;
        if (value < Min || value > Max)
        {
            throw new FlyteTypeException(string.Create(
                CultureInfo.InvariantCulture,
                $"The INTEGER {value} does not fit in {DisplayName} (range {Min} to {Max}); declare a wider type such as long."));
        }

        return T.CreateTruncating(value);
    }
}

/// <summary>
/// <c>double</c> as FLOAT. Like flytekit, an INTEGER literal is accepted too (it reads as the nearest double).
/// NaN and the infinities are kept.
/// </summary>
internal sealed class DoubleCodec() : Codec<double>(new SimpleType(SimpleKind.Float))
{
    protected override Literal Write(double value) => LiteralShapes.Of(new Primitive { FloatValue = value });

    protected override double Read(Literal literal) => LiteralShapes.PrimitiveOf(literal) switch
    {
        { ValueCase: Primitive.ValueOneofCase.FloatValue } primitive => primitive.FloatValue,
        { ValueCase: Primitive.ValueOneofCase.Integer } primitive => primitive.Integer,
        _ => throw Mismatch(literal, "a FLOAT primitive"),
    };
}

/// <summary>
/// <c>float</c> as FLOAT (64-bit on the wire). Reading rounds to the nearest float; a finite value beyond
/// float's range is an error rather than an infinity.
/// </summary>
internal sealed class SingleCodec() : Codec<float>(new SimpleType(SimpleKind.Float))
{
    protected override Literal Write(float value) => LiteralShapes.Of(new Primitive { FloatValue = value });

    protected override float Read(Literal literal)
    {
        var value = LiteralShapes.PrimitiveOf(literal) switch
        {
            { ValueCase: Primitive.ValueOneofCase.FloatValue } primitive => primitive.FloatValue,
            { ValueCase: Primitive.ValueOneofCase.Integer } primitive => primitive.Integer,
            _ => throw Mismatch(literal, "a FLOAT primitive"),
        };

        var narrowed = (float)value;
        if (float.IsInfinity(narrowed) && double.IsFinite(value))
        {
            throw new FlyteTypeException(string.Create(
                CultureInfo.InvariantCulture,
                $"The FLOAT {value:R} does not fit in float (largest magnitude {float.MaxValue:R}); declare it as double."));
        }

        return narrowed;
    }
}

/// <summary><c>string</c> as STRING.</summary>
internal sealed class StringCodec() : Codec<string>(new SimpleType(SimpleKind.String))
{
    protected override Literal Write(string value) => LiteralShapes.Of(new Primitive { StringValue = value });

    protected override string Read(Literal literal) => LiteralShapes.PrimitiveOf(literal) switch
    {
        { ValueCase: Primitive.ValueOneofCase.StringValue } primitive => primitive.StringValue,
        _ => throw Mismatch(literal, "a STRING primitive"),
    };
}

/// <summary><c>bool</c> as BOOLEAN.</summary>
internal sealed class BooleanCodec() : Codec<bool>(new SimpleType(SimpleKind.Boolean))
{
    protected override Literal Write(bool value) => LiteralShapes.Of(new Primitive { Boolean = value });

    protected override bool Read(Literal literal) => LiteralShapes.PrimitiveOf(literal) switch
    {
        { ValueCase: Primitive.ValueOneofCase.Boolean } primitive => primitive.Boolean,
        _ => throw Mismatch(literal, "a BOOLEAN primitive"),
    };
}
