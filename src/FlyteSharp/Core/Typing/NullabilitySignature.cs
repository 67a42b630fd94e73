namespace FlyteSharp.Typing;

/// <summary>
/// Spells out which positions of a C# type may hold <c>null</c>, because nullable reference annotations
/// (<c>string?</c>, <c>List&lt;string?&gt;</c>) vanish from <c>typeof(T)</c> at run time. The generator knows
/// them at compile time and passes the signature to <c>LiteralConverter.For&lt;T&gt;(signature)</c>.
/// </summary>
/// <remarks>
/// One character per type position, in pre-order: the type itself, then (for a collection) its element type's
/// positions, or (for a map) its value type's positions. <see cref="Nullable"/> marks a position that may be null
/// (a Flyte union <c>[T, NONE]</c>), <see cref="NotNull"/> one that may not. Value types must agree with their
/// CLR type: <c>int?</c> is always <see cref="Nullable"/>, <c>int</c> always <see cref="NotNull"/>.
/// Examples: <c>List&lt;string?&gt;</c> is <c>"!?"</c>; <c>Dictionary&lt;string, long?[]&gt;?</c> is <c>"?!?"</c>.
/// </remarks>
public static class NullabilitySignature
{
    /// <summary>The position may hold null.</summary>
    public const char Nullable = '?';

    /// <summary>The position never holds null.</summary>
    public const char NotNull = '!';
}
