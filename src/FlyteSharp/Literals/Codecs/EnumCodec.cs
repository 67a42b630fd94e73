using System.Reflection;
using Flyteidl.Core;
using FlyteSharp.Core;
using FlyteSharp.Typing;
using EnumType = FlyteSharp.Typing.EnumType;
using SimpleType = FlyteSharp.Typing.SimpleType;

namespace FlyteSharp.Literals.Codecs;

/// <summary>
/// A C# enum as a Flyte enum: the type lists the member names in declaration order, a value is the member's name
/// as a STRING primitive (flytekit writes a Python enum's string value the same way). A value that is no declared
/// member (an undefined number, a combination of flags) cannot be written; members sharing a number write the
/// first declared name.
/// </summary>
internal sealed class EnumCodec<TEnum> : Codec<TEnum>
    where TEnum : struct, Enum
{
    private static readonly FieldInfo[] Members = typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static)
        .OrderBy(member => member.MetadataToken) // declaration order, which reflection does not promise
        .ToArray();

    private readonly Dictionary<TEnum, string> namesByValue = [];
    private readonly Dictionary<string, TEnum> valuesByName = new(StringComparer.Ordinal);

    public EnumCodec()
        : base(new EnumType(Members.Select(member => member.Name).ToEquatableArray()))
    {
        if (Members.Length == 0)
        {
            throw new FlyteTypeException($"The enum {TypeDisplay.Of(typeof(TEnum))} has no members; a Flyte enum needs at least one.");
        }

        foreach (var member in Members)
        {
            var value = (TEnum)member.GetValue(null)!;
            namesByValue.TryAdd(value, member.Name);
            valuesByName.Add(member.Name, value);
        }
    }

    protected override Literal Write(TEnum value)
    {
        if (!namesByValue.TryGetValue(value, out var name))
        {
            throw new FlyteTypeException(
                $"The value {value} of {DisplayName} is not a declared member; a Flyte enum holds one of {MemberList()}.");
        }

        return LiteralShapes.Of(new Primitive { StringValue = name });
    }

    protected override TEnum Read(Literal literal)
    {
        var primitive = LiteralShapes.PrimitiveOf(literal);
        if (primitive is null || primitive.ValueCase != Primitive.ValueOneofCase.StringValue)
        {
            throw Mismatch(literal, "a STRING primitive naming a member");
        }

        if (!valuesByName.TryGetValue(primitive.StringValue, out var value))
        {
            throw new FlyteTypeException(
                $"\"{primitive.StringValue}\" is not a member of {DisplayName}; expected one of {MemberList()} (names are case-sensitive).");
        }

        return value;
    }

    private static string MemberList() => string.Join(", ", Members.Select(member => member.Name));
}
