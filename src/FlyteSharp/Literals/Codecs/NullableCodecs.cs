// Mirrors flytekit's UnionTransformer for Optional[T] (flytekit/core/type_engine.py): the type is the union
// [T, NONE] with each variant tagged by its transformer name; a value is a union literal whose stored type is the
// tagged type of the variant it holds. Reading also accepts a bare literal of either variant, as flytekit does.
using Flyteidl.Core;
using FlyteSharp.Typing;
using SimpleType = FlyteSharp.Typing.SimpleType;

namespace FlyteSharp.Literals.Codecs;

/// <summary>A nullable value type <c>V?</c> as the union <c>[V, NONE]</c>.</summary>
internal sealed class NullableValueCodec<TValue>(Codec<TValue> variant) : Codec<TValue?>(FlytekitNames.NullableUnion(variant.Type))
    where TValue : struct
{
    private readonly OptionalUnion<TValue> union = new(variant);

    public override bool AcceptsNull => true;

    protected override Literal Write(TValue? value) => value.HasValue ? union.WriteValue(value.Value) : union.WriteNone();

    protected override TValue? Read(Literal literal) => union.TryRead(literal, out var value, DisplayName) ? value : null;
}

/// <summary>A nullable reference type <c>T?</c> (known from a nullability signature) as the union <c>[T, NONE]</c>.</summary>
internal sealed class NullableReferenceCodec<TReference>(Codec<TReference> variant) : Codec<TReference>(FlytekitNames.NullableUnion(variant.Type))
    where TReference : class
{
    private readonly OptionalUnion<TReference> union = new(variant);

    public override bool AcceptsNull => true;

    protected override Literal Write(TReference value) => value is null ? union.WriteNone() : union.WriteValue(value);

    protected override TReference Read(Literal literal) => union.TryRead(literal, out var value, DisplayName + "?") ? value : null!;
}

/// <summary>The union literals of <c>[T, NONE]</c> for one variant codec.</summary>
internal sealed class OptionalUnion<T>(Codec<T> variant)
{
    private readonly string variantTag = FlytekitNames.UnionTagOf(variant.Type);
    private readonly LiteralType variantStoredType = LiteralTypeModel.ToLiteralType(variant.Type with { StructureTag = FlytekitNames.UnionTagOf(variant.Type) });
    private readonly LiteralType noneStoredType = LiteralTypeModel.ToLiteralType(new SimpleType(SimpleKind.None) { StructureTag = FlytekitNames.UnionTags.None });

    public Literal WriteValue(T value) => Wrap(variant.Encode(value), variantStoredType);

    public Literal WriteNone() => Wrap(LiteralShapes.None(), noneStoredType);

    /// <summary>
    /// Reads a union literal (by its variant tag when it has one), or a bare literal of either variant.
    /// Returns false for null.
    /// </summary>
    public bool TryRead(Literal literal, out T value, string displayName)
    {
        value = default!;
        if (LiteralShapes.IsNone(literal))
        {
            return false;
        }

        if (literal.ValueCase != Literal.ValueOneofCase.Scalar || literal.Scalar.ValueCase != Scalar.ValueOneofCase.Union)
        {
            value = variant.Decode(literal);
            return true;
        }

        var union = literal.Scalar.Union;
        var tag = union.Type?.Structure?.Tag ?? string.Empty;
        var inner = union.Value;
        if (inner is null)
        {
            throw new FlyteTypeException($"Cannot read {LiteralDescription.Of(literal)} as {displayName}: the union literal holds no value.");
        }

        if (tag == FlytekitNames.UnionTags.None || (tag.Length == 0 && LiteralShapes.IsNone(inner)))
        {
            if (!LiteralShapes.IsNone(inner))
            {
                throw new FlyteTypeException(
                    $"Cannot read {LiteralDescription.Of(literal)} as {displayName}: the variant is tagged \"none\" but holds {LiteralDescription.Of(inner)}.");
            }

            return false;
        }

        if (tag.Length != 0 && !string.Equals(tag, variantTag, StringComparison.Ordinal))
        {
            throw new FlyteTypeException(
                $"Cannot read {LiteralDescription.Of(literal)} as {displayName}: its variant \"{tag}\" is not one of \"{variantTag}\" and \"{FlytekitNames.UnionTags.None}\".");
        }

        value = variant.Decode(inner);
        return true;
    }

    private static Literal Wrap(Literal value, LiteralType storedType) =>
        new() { Scalar = new Scalar { Union = new Union { Value = value, Type = storedType.Clone() } } };
}
