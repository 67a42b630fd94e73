using Flyteidl.Core;
using FlyteSharp.Core;
using FlyteSharp.Literals;
using FlyteSharp.Typing;
using EnumType = FlyteSharp.Typing.EnumType;

namespace FlyteSharp.Tests.Literals;

public sealed class EnumConversionTests
{
    public enum Color
    {
        Red = 5,
        Green = 1,
        Blue = 3,
    }

#pragma warning disable CA1069 // Two names for one value is exactly what this enum tests.
    public enum WithAlias
    {
        First = 1,
        Alias = 1,
        Second = 2,
    }
#pragma warning restore CA1069

    [Flags]
    public enum Access
    {
        None = 0,
        Read = 1,
        Write = 2,
    }

    public enum Empty
    {
    }

    [Fact]
    public void The_type_lists_member_names_in_declaration_order()
    {
        Assert.Equal(new EnumType(EquatableArray.Create("Red", "Green", "Blue")), LiteralConverter.TypeOf<Color>());
        Assert.Equal(new[] { "Red", "Green", "Blue" }, LiteralConverter.LiteralTypeOf<Color>().EnumType.Values);
    }

    [Fact]
    public void A_value_is_its_member_name_as_a_string()
    {
        var literal = LiteralConverter.ToLiteral(Color.Blue);

        Assert.Equal(new Literal { Scalar = new Scalar { Primitive = new Primitive { StringValue = "Blue" } } }, literal);
        Assert.Equal(Color.Blue, LiteralConverter.FromLiteral<Color>(literal));
    }

    [Fact]
    public void An_unknown_name_lists_the_members_and_is_case_sensitive()
    {
        var error = Assert.Throws<FlyteTypeException>(() => LiteralConverter.FromLiteral<Color>(LiteralConverter.ToLiteral("blue")));

        Assert.Contains("\"blue\" is not a member of Color", error.Message, StringComparison.Ordinal);
        Assert.Contains("Red, Green, Blue", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undeclared_value_cannot_be_written()
    {
        Assert.Throws<FlyteTypeException>(() => LiteralConverter.ToLiteral((Color)42));
        Assert.Throws<FlyteTypeException>(() => LiteralConverter.ToLiteral(Access.Read | Access.Write));
        Assert.Equal("Write", LiteralConverter.ToLiteral(Access.Write).Scalar.Primitive.StringValue);
    }

    [Fact]
    public void Members_sharing_a_number_write_the_first_name_and_read_either()
    {
        Assert.Equal("First", LiteralConverter.ToLiteral(WithAlias.Alias).Scalar.Primitive.StringValue);
        Assert.Equal(WithAlias.First, LiteralConverter.FromLiteral<WithAlias>(LiteralConverter.ToLiteral("Alias")));
        Assert.Equal(new[] { "First", "Alias", "Second" }, ((EnumType)LiteralConverter.TypeOf<WithAlias>()).Values);
    }

    [Fact]
    public void An_enum_without_members_is_not_a_flyte_type()
    {
        var error = Assert.Throws<FlyteTypeException>(() => LiteralConverter.TypeOf<Empty>());

        Assert.Contains("no members", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enums_in_maps_and_nullable_enums_round_trip()
    {
        var value = new Dictionary<string, Color?> { ["sky"] = Color.Blue, ["none"] = null };

        var literal = LiteralConverter.ToLiteral(value);
        var read = LiteralConverter.FromLiteral<Dictionary<string, Color?>>(literal);

        Assert.Equal(value, read);
        Assert.Equal(FlytekitNames.UnionTags.Enum, literal.Map.Literals["sky"].Scalar.Union.Type.Structure.Tag);
    }
}
