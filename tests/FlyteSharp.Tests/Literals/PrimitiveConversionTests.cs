using Flyteidl.Core;
using FlyteSharp.Literals;

namespace FlyteSharp.Tests.Literals;

public sealed class PrimitiveConversionTests
{
    private static Literal PrimitiveLiteral(Primitive primitive) => new() { Scalar = new Scalar { Primitive = primitive } };

    [Theory]
    [InlineData(0L)]
    [InlineData(42L)]
    [InlineData(long.MinValue)]
    [InlineData(long.MaxValue)]
    public void Long_is_an_integer_primitive(long value)
    {
        var literal = LiteralConverter.ToLiteral(value);

        Assert.Equal(PrimitiveLiteral(new Primitive { Integer = value }), literal);
        Assert.Equal(value, LiteralConverter.FromLiteral<long>(literal));
    }

    [Fact]
    public void Narrower_integers_write_the_same_literal_as_long()
    {
        Assert.Equal(LiteralConverter.ToLiteral(-7L), LiteralConverter.ToLiteral(-7));
        Assert.Equal(LiteralConverter.ToLiteral(-7L), LiteralConverter.ToLiteral((short)-7));
        Assert.Equal(LiteralConverter.ToLiteral(200L), LiteralConverter.ToLiteral((byte)200));
    }

    [Fact]
    public void Narrower_integers_read_their_whole_range()
    {
        Assert.Equal(int.MinValue, LiteralConverter.FromLiteral<int>(LiteralConverter.ToLiteral((long)int.MinValue)));
        Assert.Equal(int.MaxValue, LiteralConverter.FromLiteral<int>(LiteralConverter.ToLiteral((long)int.MaxValue)));
        Assert.Equal(short.MinValue, LiteralConverter.FromLiteral<short>(LiteralConverter.ToLiteral((long)short.MinValue)));
        Assert.Equal(byte.MaxValue, LiteralConverter.FromLiteral<byte>(LiteralConverter.ToLiteral(255L)));
        Assert.Equal(byte.MinValue, LiteralConverter.FromLiteral<byte>(LiteralConverter.ToLiteral(0L)));
    }

    [Theory]
    [InlineData(2147483648L, typeof(int))]
    [InlineData(-2147483649L, typeof(int))]
    [InlineData(32768L, typeof(short))]
    [InlineData(-32769L, typeof(short))]
    [InlineData(256L, typeof(byte))]
    [InlineData(-1L, typeof(byte))]
    [InlineData(long.MinValue, typeof(int))]
    public void Narrowing_out_of_range_fails_with_the_value_and_the_range(long value, Type target)
    {
        var literal = LiteralConverter.ToLiteral(value);
        var read = typeof(LiteralConverter).GetMethod(nameof(LiteralConverter.FromLiteral))!.MakeGenericMethod(target);

        var error = Assert.Throws<FlyteTypeException>(() =>
        {
            try
            {
                read.Invoke(null, [literal]);
            }
            catch (System.Reflection.TargetInvocationException e)
            {
                throw e.InnerException!;
            }
        });

        Assert.Contains(value.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Contains("does not fit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_integer_does_not_read_a_float_literal()
    {
        var error = Assert.Throws<FlyteTypeException>(() => LiteralConverter.FromLiteral<long>(LiteralConverter.ToLiteral(1.0)));

        Assert.Contains("FLOAT primitive (1)", error.Message, StringComparison.Ordinal);
        Assert.Contains("long", error.Message, StringComparison.Ordinal);
        Assert.Contains("INTEGER", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.Epsilon)]
    [InlineData(double.MaxValue)]
    [InlineData(double.MinValue)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Double_is_a_float_primitive_bit_for_bit(double value)
    {
        var literal = LiteralConverter.ToLiteral(value);

        Assert.Equal(Primitive.ValueOneofCase.FloatValue, literal.Scalar.Primitive.ValueCase);
        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(LiteralConverter.FromLiteral<double>(literal)));
    }

    [Fact]
    public void Negative_zero_keeps_its_sign()
    {
        var read = LiteralConverter.FromLiteral<double>(LiteralConverter.ToLiteral(-0.0));

        Assert.True(double.IsNegative(read));
        Assert.Equal(0.0, read);
    }

    [Fact]
    public void Double_reads_an_integer_literal_as_flytekit_does()
    {
        Assert.Equal(3.0, LiteralConverter.FromLiteral<double>(LiteralConverter.ToLiteral(3L)));
        Assert.Equal(3.0f, LiteralConverter.FromLiteral<float>(LiteralConverter.ToLiteral(3L)));
    }

    [Theory]
    [InlineData(1.25f)]
    [InlineData(float.MaxValue)]
    [InlineData(float.NaN)]
    [InlineData(float.NegativeInfinity)]
    public void Float_round_trips(float value)
    {
        Assert.Equal(value, LiteralConverter.FromLiteral<float>(LiteralConverter.ToLiteral(value)));
    }

    [Fact]
    public void Float_rejects_a_finite_double_beyond_its_range()
    {
        var error = Assert.Throws<FlyteTypeException>(() => LiteralConverter.FromLiteral<float>(LiteralConverter.ToLiteral(1e300)));

        Assert.Contains("does not fit in float", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("héllo\0wörld 🚀")]
    public void String_round_trips_exactly(string value)
    {
        var literal = LiteralConverter.ToLiteral(value);

        Assert.Equal(PrimitiveLiteral(new Primitive { StringValue = value }), literal);
        Assert.Equal(value, LiteralConverter.FromLiteral<string>(literal));
    }

    [Fact]
    public void A_null_string_is_refused_unless_declared_nullable()
    {
        var error = Assert.Throws<FlyteTypeException>(() => LiteralConverter.ToLiteral<string>(null!));

        Assert.Contains("null is not a value of string", error.Message, StringComparison.Ordinal);
        Assert.Contains("string?", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Bool_is_a_boolean_primitive(bool value)
    {
        var literal = LiteralConverter.ToLiteral(value);

        Assert.Equal(PrimitiveLiteral(new Primitive { Boolean = value }), literal);
        Assert.Equal(value, LiteralConverter.FromLiteral<bool>(literal));
    }

    [Fact]
    public void A_literal_of_the_wrong_kind_names_the_type_and_what_was_found()
    {
        var error = Assert.Throws<FlyteTypeException>(() => LiteralConverter.FromLiteral<bool>(LiteralConverter.ToLiteral("true")));

        Assert.Equal("Cannot read a STRING primitive (\"true\") as bool (Flyte type BOOLEAN): expected a BOOLEAN primitive.", error.Message);
    }

    [Fact]
    public void A_none_literal_for_a_non_nullable_type_says_the_value_is_null()
    {
        var none = new Literal { Scalar = new Scalar { NoneType = new Flyteidl.Core.Void() } };

        var error = Assert.Throws<FlyteTypeException>(() => LiteralConverter.FromLiteral<long>(none));

        Assert.Contains("long?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_and_offloaded_literals_are_clear_errors()
    {
        Assert.Throws<FlyteTypeException>(() => LiteralConverter.FromLiteral<long>(null!));
        var offloaded = new Literal { OffloadedMetadata = new LiteralOffloadedMetadata { Uri = "s3://bucket/offloaded" } };

        var error = Assert.Throws<FlyteTypeException>(() => LiteralConverter.FromLiteral<long>(offloaded));

        Assert.Contains("offloaded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_union_literal_reads_as_its_non_null_value()
    {
        var union = LiteralConverter.ToLiteral<long?>(5);

        Assert.Equal(5L, LiteralConverter.FromLiteral<long>(union));
        Assert.Throws<FlyteTypeException>(() => LiteralConverter.FromLiteral<long>(LiteralConverter.ToLiteral<long?>(null)));
    }
}
