using FlyteSharp.Caching;
using FlyteSharp.Hashing;
using FlyteSharp.Tests.Caching.Jsonpb;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Duration = Google.Protobuf.WellKnownTypes.Duration;

namespace FlyteSharp.Tests.Caching;

/// <summary>
/// Each jsonpb rule against the text Go's <c>jsonpb.Marshaler{}</c> writes for the message (written out by hand
/// here): the rendered text must be exactly that, and the direct hash must equal objecthash of that text.
/// </summary>
public sealed class ProtoObjectHashTests
{
    private static readonly ProtoObjectHash Hasher = new(TypeRegistry.FromFiles(
        JsonpbCasesReflection.Descriptor,
        DurationReflection.Descriptor,
        TimestampReflection.Descriptor,
        StructReflection.Descriptor));

    [Fact]
    public void Unset_fields_are_left_out() => AssertJsonpb(new Scalars(), "{}");

    [Fact]
    public void Every_scalar_kind_renders_as_jsonpb_does()
    {
        var message = new Scalars
        {
            ADouble = 1.5,
            AFloat = 0.1f,
            AnInt32 = -5,
            AUint32 = uint.MaxValue,
            AnInt64 = -9007199254740993,
            AUint64 = ulong.MaxValue,
            ASint32 = -1,
            ASint64 = -2,
            AFixed32 = 7,
            AFixed64 = 8,
            AnSfixed32 = -9,
            AnSfixed64 = -10,
            ABool = true,
            AString = "<a&b>",
            SomeBytes = ByteString.CopyFrom(0xff, 0xfe, 0x01),
            AColor = Color.Green,
            OptionalDouble = 0,
        };
        AssertJsonpb(
            message,
            "{\"aDouble\":1.5,\"aFloat\":0.1,\"anInt32\":-5,\"aUint32\":4294967295,\"anInt64\":\"-9007199254740993\","
            + "\"aUint64\":\"18446744073709551615\",\"aSint32\":-1,\"aSint64\":\"-2\",\"aFixed32\":7,\"aFixed64\":\"8\","
            + "\"anSfixed32\":-9,\"anSfixed64\":\"-10\",\"aBool\":true,\"aString\":\"\\u003ca\\u0026b\\u003e\","
            + "\"someBytes\":\"//4B\",\"aColor\":\"GREEN\",\"optionalDouble\":0}");
    }

    [Fact]
    public void A_float32_goes_through_its_shortest_32_bit_text()
    {
        // 0.1f is 0.100000001490116... as a double; Go writes "0.1" and reads back the double 0.1.
        AssertJsonpb(new Scalars { AFloat = 0.1f }, "{\"aFloat\":0.1}");
        Assert.Equal(ObjectHash.OfJson("{\"aFloat\":0.1}"), Hasher.Compute(new Scalars { AFloat = 0.1f }));
        Assert.NotEqual(Hasher.Compute(new Scalars { AFloat = 0.1f }), Hasher.Compute(new Scalars { ADouble = 0.1f }));
        AssertJsonpb(new Scalars { AFloat = 16777216f }, "{\"aFloat\":16777216}");
        AssertJsonpb(new Scalars { AFloat = 1e-7f }, "{\"aFloat\":1e-7}");
        AssertJsonpb(new Scalars { AFloat = 3.4028235e38f }, "{\"aFloat\":3.4028235e+38}");
    }

    [Theory]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(1.5e-10, "1.5e-10")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(123456789.125, "123456789.125")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    public void Doubles_print_as_go_encoding_json_prints_them(double value, string expected) =>
        AssertJsonpb(new Scalars { ADouble = value }, "{\"aDouble\":" + expected + "}");

    [Fact]
    public void Negative_zero_is_a_set_field_that_hashes_like_zero()
    {
        // protobuf-go stores -0.0 (its sign bit), so jsonpb writes it; objecthash then reads it as 0.
        AssertJsonpb(new Scalars { ADouble = -0.0 }, "{\"aDouble\":-0}");
        Assert.Equal(ObjectHash.OfJson("{\"aDouble\":0}"), Hasher.Compute(new Scalars { ADouble = -0.0 }));
        Assert.NotEqual(Hasher.Compute(new Scalars()), Hasher.Compute(new Scalars { ADouble = -0.0 }));
    }

    [Fact]
    public void Non_finite_numbers_are_strings()
    {
        AssertJsonpb(new Scalars { ADouble = double.NaN }, "{\"aDouble\":\"NaN\"}");
        AssertJsonpb(new Scalars { AFloat = float.PositiveInfinity }, "{\"aFloat\":\"Infinity\"}");
        AssertJsonpb(new Scalars { ADouble = double.NegativeInfinity }, "{\"aDouble\":\"-Infinity\"}");
    }

    [Fact]
    public void An_unknown_enum_number_is_a_number() =>
        AssertJsonpb(new Scalars { AColor = (Color)7 }, "{\"aColor\":7}");

    [Fact]
    public void Strings_are_escaped_as_go_escapes_them()
    {
        AssertJsonpb(new Scalars { AString = "\u0001\b\f\n\r\t\"\\/\u2028\u007f é😀" }, "{\"aString\":\"\\u0001\\b\\f\\n\\r\\t\\\"\\\\/\\u2028\u007f é😀\"}");

        // An unpaired surrogate is not UTF-8; Go writes (and hashes) the replacement character.
        AssertJsonpb(new Scalars { AString = "a\ud800b" }, "{\"aString\":\"a\\ufffdb\"}");
        Assert.Equal(Hasher.Compute(new Scalars { AString = "a\uFFFDb" }), Hasher.Compute(new Scalars { AString = "a\ud800b" }));
    }

    [Fact]
    public void Empty_lists_and_maps_are_left_out_but_a_set_empty_message_is_written()
    {
        AssertJsonpb(new Containers(), "{}");
        AssertJsonpb(new Containers { Child = new Scalars() }, "{\"child\":{}}");
    }

    [Fact]
    public void Lists_and_maps_render_with_sorted_keys()
    {
        var message = new Containers
        {
            Numbers = { 1, 2, 3 },
            Words = { "b", "a" },
            Items = { new Scalars(), new Scalars { ABool = true } },
            Labels = { ["b"] = "2", ["a"] = "1", ["\uE000"] = "pua", ["😀"] = "emoji" },
            ByNumber = { [10] = "x", [-1] = "y", [2] = "z" },
            ByFlag = { [true] = "t", [false] = "f" },
            ById = { [5] = new Scalars() },
            Colors = { Color.Red, Color.Unset },
        };

        // Go orders string keys by UTF-8 bytes: U+E000 sorts before U+1F600, unlike UTF-16 ordinal order.
        AssertJsonpb(
            message,
            "{\"numbers\":[1,2,3],\"words\":[\"b\",\"a\"],\"items\":[{},{\"aBool\":true}],"
            + "\"labels\":{\"a\":\"1\",\"b\":\"2\",\"\uE000\":\"pua\",\"😀\":\"emoji\"},"
            + "\"byNumber\":{\"-1\":\"y\",\"2\":\"z\",\"10\":\"x\"},\"byFlag\":{\"false\":\"f\",\"true\":\"t\"},"
            + "\"byId\":{\"5\":{}},\"colors\":[\"RED\",\"COLOR_UNSET\"]}");
    }

    [Fact]
    public void The_set_member_of_a_oneof_is_written_even_when_zero()
    {
        AssertJsonpb(new Choice { Number = 0 }, "{\"number\":0}");
        AssertJsonpb(new Choice { Text = string.Empty }, "{\"text\":\"\"}");
        AssertJsonpb(new Choice { Real = 0 }, "{\"real\":0}");
        AssertJsonpb(new Choice { Color = Color.Unset }, "{\"color\":\"COLOR_UNSET\"}");
        AssertJsonpb(new Choice { Nested = new Scalars() }, "{\"nested\":{}}");
        AssertJsonpb(new Choice { Flag = false }, "{\"flag\":false}");
        AssertJsonpb(new Choice { Raw = ByteString.Empty, After = "x" }, "{\"raw\":\"\",\"after\":\"x\"}");
        Assert.NotEqual(Hasher.Compute(new Choice()), Hasher.Compute(new Choice { Number = 0 }));
    }

    [Fact]
    public void Explicit_presence_fields_are_written_when_set_even_to_zero()
    {
        AssertJsonpb(new Scalars { OptionalInt32 = 0 }, "{\"optionalInt32\":0}");
        var cleared = new Scalars { OptionalInt32 = 3 };
        cleared.ClearOptionalInt32();
        AssertJsonpb(cleared, "{}");
    }

    [Theory]
    [InlineData(0L, 0, "1970-01-01T00:00:00Z")]
    [InlineData(1553860800L, 123000000, "2019-03-29T12:00:00.123Z")]
    [InlineData(1553860800L, 123456000, "2019-03-29T12:00:00.123456Z")]
    [InlineData(1553860800L, 123456789, "2019-03-29T12:00:00.123456789Z")]
    [InlineData(1553860800L, 1000, "2019-03-29T12:00:00.000001Z")]
    [InlineData(1553860800L, 1, "2019-03-29T12:00:00.000000001Z")]
    [InlineData(-1L, 999999999, "1969-12-31T23:59:59.999999999Z")]
    [InlineData(951782400L, 0, "2000-02-29T00:00:00Z")]
    [InlineData(-62135596800L, 0, "0001-01-01T00:00:00Z")]
    [InlineData(253402300799L, 0, "9999-12-31T23:59:59Z")]
    // Beyond RFC 3339's years jsonpb does not refuse; Go's time package prints the proleptic Gregorian year.
    [InlineData(253402300800L, 0, "10000-01-01T00:00:00Z")]
    [InlineData(-62135596801L, 0, "0000-12-31T23:59:59Z")]
    [InlineData(-62198755200L, 0, "-0001-01-01T00:00:00Z")]
    public void Timestamps_use_0_3_6_or_9_fraction_digits(long seconds, int nanos, string expected) =>
        AssertJsonpb(new WellKnown { When = new Timestamp { Seconds = seconds, Nanos = nanos } }, "{\"when\":\"" + expected + "\"}");

    [Theory]
    [InlineData(-1)]
    [InlineData(1_000_000_000)]
    [InlineData(int.MinValue)]
    public void Timestamps_with_nanos_out_of_range_have_no_key(int nanos)
    {
        var message = new WellKnown { When = new Timestamp { Seconds = 10, Nanos = nanos } };
        var error = Assert.Throws<CacheKeyException>(() => Hasher.Compute(message));
        Assert.Contains("when", error.Message, StringComparison.Ordinal);
        Assert.Throws<CacheKeyException>(() => Hasher.RenderJson(message));
    }

    [Theory]
    [InlineData(0L, 0, "0s")]
    [InlineData(3L, 0, "3s")]
    [InlineData(1L, 500000000, "1.500s")]
    [InlineData(0L, -500000000, "-0.500s")]
    [InlineData(0L, 1000, "0.000001s")]
    [InlineData(-1L, -1, "-1.000000001s")]
    [InlineData(315576000000L, 999999999, "315576000000.999999999s")]
    [InlineData(-315576000000L, 0, "-315576000000s")]
    public void Durations_render_as_seconds_with_0_3_6_or_9_fraction_digits(long seconds, int nanos, string expected) =>
        AssertJsonpb(new WellKnown { HowLong = new Duration { Seconds = seconds, Nanos = nanos } }, "{\"howLong\":\"" + expected + "\"}");

    [Theory]
    [InlineData(315576000001L, 0)]
    [InlineData(-315576000001L, 0)]
    [InlineData(0L, 1_000_000_000)]
    [InlineData(0L, -1_000_000_000)]
    [InlineData(1L, -1)]
    [InlineData(-1L, 1)]
    public void Durations_out_of_range_have_no_key(long seconds, int nanos) =>
        Assert.Throws<CacheKeyException>(() => Hasher.Compute(new WellKnown { HowLong = new Duration { Seconds = seconds, Nanos = nanos } }));

    [Fact]
    public void Struct_value_and_list_value_are_natural_json()
    {
        var doc = new Struct
        {
            Fields =
            {
                ["n"] = Value.ForNumber(1),
                ["list"] = Value.ForList(Value.ForBool(true), Value.ForNull(), Value.ForString("x"), Value.ForNumber(double.NaN)),
                ["empty"] = Value.ForStruct(new Struct()),
                ["none"] = Value.ForList(),
            },
        };
        AssertJsonpb(
            new WellKnown { Doc = doc, Value = Value.ForString("v"), List = new ListValue() },
            "{\"doc\":{\"empty\":{},\"list\":[true,null,\"x\",\"NaN\"],\"n\":1,\"none\":[]},\"value\":\"v\",\"list\":[]}");
        AssertJsonpb(new WellKnown { Doc = new Struct() }, "{\"doc\":{}}");
        Assert.Equal(ObjectHash.OfString("top"), Hasher.Compute(Value.ForString("top")));
        Assert.Equal(ObjectHash.OfNull(), Hasher.Compute(Value.ForNull()));
    }

    [Fact]
    public void A_value_with_no_kind_has_no_key_and_the_error_names_where()
    {
        var message = new WellKnown { Doc = new Struct { Fields = { ["ok"] = Value.ForNumber(1), ["k"] = new Value() } } };
        var error = Assert.Throws<CacheKeyException>(() => Hasher.Compute(message));
        Assert.Contains("doc[\"k\"]", error.Message, StringComparison.Ordinal);
        Assert.Throws<CacheKeyException>(() => Hasher.Compute(new Value()));
        Assert.Throws<CacheKeyException>(() => Hasher.Compute(new ListValue { Values = { Value.ForNull(), new Value() } }));
    }

    [Fact]
    public void Wrappers_are_their_value_even_when_zero()
    {
        AssertJsonpb(
            new WellKnown
            {
                Big = 0L,
                Small = 0.1f,
                Maybe = false,
                Blob = ByteString.CopyFrom(1),
                Name = string.Empty,
                Count = 3u,
            },
            "{\"big\":\"0\",\"small\":0.1,\"maybe\":false,\"blob\":\"AQ==\",\"name\":\"\",\"count\":3}");
    }

    [Fact]
    public void A_wrapper_message_on_its_own_is_its_value()
    {
        Assert.Equal(ObjectHash.OfString("7"), Hasher.Compute(new Int64Value { Value = 7 }));
        Assert.Equal(ObjectHash.OfFloat(0.1), Hasher.Compute(new FloatValue { Value = 0.1f }));
        Assert.Equal(ObjectHash.OfBoolean(false), Hasher.Compute(new BoolValue()));
    }

    [Fact]
    public void Any_is_rendered_through_the_type_registry()
    {
        AssertJsonpb(
            new WellKnown { Payload = Any.Pack(new Scalars { AnInt32 = 1 }) },
            "{\"payload\":{\"@type\":\"type.googleapis.com/flytesharp.tests.jsonpb.Scalars\",\"anInt32\":1}}");
        AssertJsonpb(
            new WellKnown { Payload = Any.Pack(new Duration { Seconds = 1 }) },
            "{\"payload\":{\"@type\":\"type.googleapis.com/google.protobuf.Duration\",\"value\":\"1s\"}}");

        var unknown = new WellKnown { Payload = new Any { TypeUrl = "type.googleapis.com/nowhere.Unknown" } };
        Assert.Throws<CacheKeyException>(() => Hasher.Compute(unknown));
    }

    [Fact]
    public void Empty_and_field_mask_are_plain_messages_in_jsonpb_v1()
    {
        AssertJsonpb(new WellKnown { Nothing = new Empty() }, "{\"nothing\":{}}");
        AssertJsonpb(new WellKnown { Mask = new FieldMask { Paths = { "a.b", "c" } } }, "{\"mask\":{\"paths\":[\"a.b\",\"c\"]}}");
    }

    [Fact]
    public void The_default_hasher_knows_the_flyte_idl()
    {
        var literal = new Flyteidl.Core.Literal { Scalar = new Flyteidl.Core.Scalar { Primitive = new Flyteidl.Core.Primitive { Integer = 42 } } };
        var text = CanonicalJson.Render(literal);
        Assert.Equal("{\"scalar\":{\"primitive\":{\"integer\":\"42\"}}}", text);
        Assert.Equal(ObjectHash.OfJson(text), ProtoObjectHash.Default.Compute(literal));
        Assert.Equal(
            "{\"@type\":\"type.googleapis.com/flyteidl.core.Literal\",\"scalar\":{\"primitive\":{\"integer\":\"42\"}}}",
            CanonicalJson.Render(Any.Pack(literal)));
    }

    [Fact]
    public void Deep_nesting_is_a_clear_error_not_a_crash()
    {
        var value = Value.ForNull();
        for (var i = 0; i < 100_000; i++)
        {
            value = Value.ForList(value);
        }

        Assert.Throws<CacheKeyException>(() => Hasher.Compute(value));
    }

    private static void AssertJsonpb(IMessage message, string goJsonpbText)
    {
        Assert.Equal(goJsonpbText, Hasher.RenderJson(message));
        Assert.Equal(Convert.ToHexStringLower(ObjectHash.OfJson(goJsonpbText)), Convert.ToHexStringLower(Hasher.Compute(message)));
    }
}
