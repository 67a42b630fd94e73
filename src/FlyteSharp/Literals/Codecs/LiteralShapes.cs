using Flyteidl.Core;

namespace FlyteSharp.Literals.Codecs;

/// <summary>Recognising and building the literal shapes every codec uses.</summary>
internal static class LiteralShapes
{
    public static bool IsNone(Literal literal) =>
        literal.ValueCase == Literal.ValueOneofCase.Scalar && literal.Scalar.ValueCase == Scalar.ValueOneofCase.NoneType;

    /// <summary>The primitive of a scalar literal, or null when the literal is something else.</summary>
    public static Primitive? PrimitiveOf(Literal literal) =>
        literal.ValueCase == Literal.ValueOneofCase.Scalar && literal.Scalar.ValueCase == Scalar.ValueOneofCase.Primitive
            ? literal.Scalar.Primitive
            : null;

    public static Literal Of(Primitive primitive) => new() { Scalar = new Scalar { Primitive = primitive } };

    public static Literal None() => new() { Scalar = new Scalar { NoneType = new Flyteidl.Core.Void() } };
}
