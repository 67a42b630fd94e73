using System.Reflection;
using FlyteSharp.Literals;
using FlyteSharp.Typing;

namespace FlyteSharp.Tests.Literals;

public sealed class NullabilitySignatureTests
{
    [Fact]
    public void A_nullable_string_writes_null_as_a_union_and_reads_it_back()
    {
        var converter = LiteralConverter.For<string?>("?");

        Assert.Null(converter.FromLiteral(converter.ToLiteral(null)));
        Assert.Equal("x", converter.FromLiteral(converter.ToLiteral("x")));
        Assert.Equal("?", converter.NullabilitySignature);
    }

    [Fact]
    public void Nested_nullable_references_are_honoured()
    {
        var converter = LiteralConverter.For<List<string?>>("!?");

        var read = converter.FromLiteral(converter.ToLiteral(["a", null]));

        Assert.Equal(new[] { "a", null }, read);
        Assert.Throws<FlyteTypeException>(() => converter.ToLiteral(null!));
    }

    [Fact]
    public void The_default_signature_spells_out_the_clr_nullability()
    {
        Assert.Equal("!?", LiteralConverter.For<List<long?>>().NullabilitySignature);
        Assert.Equal("!!?", LiteralConverter.For<Dictionary<string, long?[]>>().NullabilitySignature);
        Assert.Equal("?", LiteralConverter.For<DateTime?>().NullabilitySignature);
    }

    [Theory]
    [InlineData("!")]
    [InlineData("!??")]
    [InlineData("!x")]
    [InlineData("?!")]
    public void A_signature_that_does_not_fit_the_type_is_refused(string signature)
    {
        var error = Assert.Throws<ArgumentException>(() => LiteralConverter.For<List<long?>>(signature));

        Assert.Contains($"\"{signature}\" does not describe List<long?>", error.Message, StringComparison.Ordinal);
        Assert.Contains("like \"!?\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_signature_is_refused()
    {
        Assert.ThrowsAny<ArgumentException>(() => LiteralConverter.For<long>(string.Empty));
    }

    [Fact]
    public void A_value_type_marked_nullable_is_refused_with_the_expected_form()
    {
        var error = Assert.Throws<ArgumentException>(() => LiteralConverter.For<long>("?"));

        Assert.Contains("marks the value type long as nullable", error.Message, StringComparison.Ordinal);
        Assert.Contains("like \"!\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equal_signatures_give_the_same_converter()
    {
        Assert.Same(LiteralConverter.For<List<string?>>("!?"), LiteralConverter.For<List<string?>>("!?"));
        Assert.NotSame(LiteralConverter.For<List<string>>("!?"), LiteralConverter.For<List<string>>("!!"));
    }

    [Fact]
    public void Parameters_give_their_annotated_nullability()
    {
        var method = typeof(NullabilitySignatureTests).GetMethod(nameof(Annotated), BindingFlags.NonPublic | BindingFlags.Static)!;
        var parameters = method.GetParameters();

        Assert.Equal("?", LiteralConverter.For(parameters[0]).NullabilitySignature);
        Assert.Equal("!?", LiteralConverter.For(parameters[1]).NullabilitySignature);
        Assert.Equal("?!?", LiteralConverter.For(parameters[2]).NullabilitySignature);
        Assert.Equal("!", LiteralConverter.For(parameters[3]).NullabilitySignature);
        Assert.Equal("?", LiteralConverter.For(method.ReturnParameter).NullabilitySignature);
        Assert.Equal(FlytekitNames.NullableUnion(new SimpleType(SimpleKind.String)), LiteralConverter.For(parameters[0]).Type);
    }

    [Fact]
    public void The_untyped_interface_converts_boxed_values()
    {
        ILiteralConverter converter = LiteralConverter.For<int?>();

        Assert.Equal(3, converter.FromLiteral(converter.ToLiteral(3)));
        Assert.Null(converter.FromLiteral(converter.ToLiteral(null)));
        Assert.Throws<ArgumentException>(() => converter.ToLiteral("three"));
        Assert.Equal(typeof(int?), converter.ClrType);
    }

    private static string? Annotated(string? name, List<string?> names, Dictionary<string, long?[]>? map, string plain) =>
        name ?? plain + names.Count + map?.Count;
}
