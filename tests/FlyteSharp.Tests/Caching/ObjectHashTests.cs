using System.Globalization;
using FlyteSharp.Hashing;

namespace FlyteSharp.Tests.Caching;

public sealed class ObjectHashTests
{
    // Expected hashes published with objecthash itself (common_json.test and go/objecthash/objecthash_test.go
    // at d1e3d6079fc1, the commit Flyte pins): an oracle independent of this implementation.
    [Theory]
    [InlineData("[]", "acac86c0e609ca906f632b0e2dacccb2b77d22b0621f20ebece1a4835b93f6f0")]
    [InlineData("[\"foo\"]", "268bc27d4974d9d576222e4cdbb8f7c6bd6791894098645a19eeca9c102d0964")]
    [InlineData("[\"foo\", \"bar\"]", "32ae896c413cfdc79eec68be9139c86ded8b279238467c216cf2bec4d5f1e4a2")]
    [InlineData("[123]", "2e72db006266ed9cdaa353aa22b9213e8a3c69c838349437c06896b1b34cee36")]
    [InlineData("[1, 2, 3]", "925d474ac71f6e8cb35dd951d123944f7cabc5cda9a043cf38cd638cc0158db0")]
    [InlineData("[123456789012345]", "f446de5475e2f24c0a2b0cd87350927f0a2870d1bb9cbaa794e789806e4c0836")]
    [InlineData("[123456789012345, 678901234567890]", "d4cca471f1c68f62fbc815b88effa7e52e79d110419a7c64c1ebb107b07f7f56")]
    [InlineData("{}", "18ac3e7343f016890c510e93f935261169d9e3f565436429830faf0934f4f8e4")]
    [InlineData("{\"foo\": \"bar\"}", "7ef5237c3027d6c58100afadf37796b3d351025cf28038280147d42fdc53b960")]
    [InlineData("{\"foo\": [\"bar\", \"baz\"], \"qux\": [\"norf\"]}", "f1a9389f27558538a064f3cc250f8686a0cebb85f1cab7f4d4dcc416ceda3c92")]
    [InlineData("[null]", "5fb858ed3ef4275e64c2d5c44b77534181f7722b7765288e76924ce2f9f7f7db")]
    [InlineData("true", "7dc96f776c8423e57a2785489a3f9c43fb6e756876d6ad9a9cac4aa4e72ec193")]
    [InlineData("false", "c02c0b965e023abee808f2b548d8d5193a8b5229be6f3121a6f16e2d41a449b3")]
    [InlineData("0.0", "60101d8c9cb988411468e38909571f357daa67bff5a7b0a3f9ae295cd4aba33d")]
    [InlineData("1.2345", "844e08b1195a93563db4e5d4faa59759ba0e0397caf065f3b6bc0825499754e0")]
    [InlineData("-10.1234", "59b49ae24998519925833e3ff56727e5d4868aba4ecf4c53653638ebff53c366")]
    [InlineData("[\"foo\", {\"bar\": [\"baz\", null, 1.0, 1.5, 0.0001, 1000.0, 2.0, -23.1234, 2.0]}]", "783a423b094307bcb28d005bc2f026ff44204442ef3513585e7e73b66e3c2213")]
    [InlineData("[\"foo\", {\"bar\": [\"baz\", null, 1, 1.5, 0.0001, 1000, 2, -23.1234, 2]}]", "783a423b094307bcb28d005bc2f026ff44204442ef3513585e7e73b66e3c2213")]
    [InlineData("[\"foo\", {\"b4r\": [\"baz\", null, 1, 1.5, 0.0001, 1000, 2, -23.1234, 2]}]", "7e01f8b45da35386e4f9531ff1678147a215b8d2b1d047e690fd9ade6151e431")]
    [InlineData("{\"k1\": \"v1\", \"k2\": \"v2\", \"k3\": \"v3\"}", "ddd65f1f7568269a30df7cafc26044537dc2f02a1a0d830da61762fc3e687057")]
    [InlineData("{\"k2\": \"v2\", \"k1\": \"v1\", \"k3\": \"v3\"}", "ddd65f1f7568269a30df7cafc26044537dc2f02a1a0d830da61762fc3e687057")]
    [InlineData("{\"Foo\": \"abc\", \"Bar\": 1.5}", "edd3ec3058d604abcba6c4944b2a05ca1104cd1911cb78f93732634530f1e003")]
    [InlineData("9007199254740993", "9e7d7d02dacab24905c2dc23391bd61d4081a9d541dfafd2469c881cc6c748e4")]
    public void Common_json_hash_matches_objecthash_published_values(string json, string expectedHex) =>
        Assert.Equal(expectedHex, Convert.ToHexStringLower(ObjectHash.OfJson(json)));

    [Fact]
    public void Special_floats_hash_as_objecthash_names_them()
    {
        Assert.Equal("5d6c301a98d835732d459d7018a8d546872f7ba3c39a45ba481746d2c6d566d9", Convert.ToHexStringLower(ObjectHash.OfFloat(double.NaN)));
        Assert.Equal("e0309b2362dc6aaf595338cd9e116761640f74927bcdc4f76e8e6433738f25c7", Convert.ToHexStringLower(ObjectHash.OfFloat(double.PositiveInfinity)));
        Assert.Equal("1167518d5554ba86d9b176af0a57f29d425bedaa9847c245cc397b37533228f7", Convert.ToHexStringLower(ObjectHash.OfFloat(double.NegativeInfinity)));
    }

    [Theory]
    [InlineData(0.0, "+0:")]
    [InlineData(1.0, "+0:1")]
    [InlineData(2.0, "+1:1")]
    [InlineData(3.0, "+2:011")]
    [InlineData(0.5, "+-1:1")]
    [InlineData(0.75, "+0:011")]
    [InlineData(-1.5, "-1:011")]
    [InlineData(1000.0, "+10:01111101")]
    [InlineData(0.1, "+-3:01100110011001100110011001100110011001100110011001101")]
    [InlineData(1.3, "+1:010100110011001100110011001100110011001100110011001101")]
    [InlineData(-23.1234, "-5:010111000111111001011100100100011101000101001110001111")]
    [InlineData(double.Epsilon, "+-1074:1")]
    [InlineData(double.MaxValue, "+1024:011111111111111111111111111111111111111111111111111111")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void Float_normalization_edge_cases(double value, string expected) =>
        Assert.Equal(expected, FloatNormalization.Normalize(value));

    [Fact]
    public void Negative_zero_normalizes_like_zero()
    {
        Assert.Equal("+0:", FloatNormalization.Normalize(-0.0));
        Assert.Equal(ObjectHash.OfFloat(0.0), ObjectHash.OfFloat(-0.0));
    }

    [Fact]
    public void Smallest_normal_and_largest_subnormal_have_exact_binary_forms()
    {
        // 2^-1022 is 1 * 2^-1022: fraction 1, exponent -1022. The largest subnormal is (1 - 2^-52) * 2^-1022.
        Assert.Equal("+-1022:1", FloatNormalization.Normalize(double.CreateChecked(Math.Pow(2, -1022))));
        var largestSubnormal = BitConverter.Int64BitsToDouble(0x000F_FFFF_FFFF_FFFF);
        Assert.Equal("+-1022:0" + new string('1', 52), FloatNormalization.Normalize(largestSubnormal));
    }

    [Fact]
    public void Numbers_are_float64_whatever_their_spelling()
    {
        Assert.Equal(ObjectHash.OfJson("1"), ObjectHash.OfJson("1.0"));
        Assert.Equal(ObjectHash.OfJson("1"), ObjectHash.OfJson("1e0"));
        Assert.Equal(ObjectHash.OfJson("100"), ObjectHash.OfJson("1E2"));
        Assert.Equal(ObjectHash.OfJson("0"), ObjectHash.OfJson("-0"));
        Assert.Equal(ObjectHash.OfJson("0"), ObjectHash.OfJson("1e-400"));
        Assert.Equal(ObjectHash.OfFloat(0.1), ObjectHash.OfJson("0.1"));
        Assert.NotEqual(ObjectHash.OfJson("1"), ObjectHash.OfJson("\"1\""));
    }

    [Fact]
    public void Strings_are_raw_utf8_and_escapes_decode_as_go_decodes_them()
    {
        Assert.Equal(ObjectHash.OfString("é"), ObjectHash.OfJson("\"\\u00e9\""));
        Assert.NotEqual(ObjectHash.OfString("é"), ObjectHash.OfString("e\u0301"));
        Assert.Equal(ObjectHash.OfString("😀"), ObjectHash.OfJson("\"\\ud83d\\ude00\""));
        Assert.Equal(ObjectHash.OfString("\uFFFD"), ObjectHash.OfJson("\"\\ud800\""));
        Assert.Equal(ObjectHash.OfString("\uFFFDA"), ObjectHash.OfJson("\"\\ud800\\u0041\""));
        Assert.Equal(ObjectHash.OfString("\uFFFD😀"), ObjectHash.OfJson("\"\\ud800\\ud83d\\ude00\""));
        Assert.Equal(ObjectHash.OfString("\uFFFD"), ObjectHash.OfString("\ud800"));
        Assert.Equal(ObjectHash.OfString("/\b\f\n\r\t\"\\"), ObjectHash.OfJson("\"\\/\\b\\f\\n\\r\\t\\\"\\\\\""));
    }

    [Fact]
    public void A_repeated_key_keeps_its_last_value()
    {
        Assert.Equal(ObjectHash.OfJson("{\"a\":2}"), ObjectHash.OfJson("{\"a\":1,\"a\":2}"));
    }

    [Fact]
    public void Dictionary_hash_ignores_entry_order_and_list_hash_does_not()
    {
        var a = new KeyValuePair<byte[], byte[]>(ObjectHash.OfString("a"), ObjectHash.OfFloat(1));
        var b = new KeyValuePair<byte[], byte[]>(ObjectHash.OfString("b"), ObjectHash.OfNull());
        Assert.Equal(ObjectHash.OfDictionary([a, b]), ObjectHash.OfDictionary([b, a]));
        Assert.Equal(ObjectHash.OfJson("{\"a\":1,\"b\":null}"), ObjectHash.OfDictionary([b, a]));
        Assert.NotEqual(ObjectHash.OfList([a.Key, b.Key]), ObjectHash.OfList([b.Key, a.Key]));
        Assert.Equal(ObjectHash.OfJson("[true,\"x\"]"), ObjectHash.OfValue(new List<object?> { true, "x" }));
    }

    [Theory]
    [InlineData("[\"foo\", bar]")]
    [InlineData("[1,]")]
    [InlineData("{\"a\":1,}")]
    [InlineData("01")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("+1")]
    [InlineData("\"unterminated")]
    [InlineData("\"bad \\x escape\"")]
    [InlineData("\"tab\tinside\"")]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("[1] 2")]
    [InlineData("")]
    [InlineData("nul")]
    [InlineData("{1:2}")]
    public void Invalid_json_is_refused(string json) =>
        Assert.Throws<FormatException>(() => ObjectHash.OfJson(json));

    [Fact]
    public void Nesting_beyond_go_limit_is_refused()
    {
        var deep = new string('[', 10_001) + new string(']', 10_001);
        Assert.Throws<FormatException>(() => ObjectHash.OfJson(deep));
    }

    [Fact]
    public void Values_of_unsupported_types_are_refused() =>
        Assert.Throws<ArgumentException>(() => ObjectHash.OfValue(DateTime.UnixEpoch));

    [Fact]
    public void Float_normalization_round_trips_through_its_binary_form()
    {
        // Reassembling sign * 0.d1d2d3... * 2^(e+1) from the text must give the value back, for many values.
        var random = new Random(20240611);
        for (var i = 0; i < 2000; i++)
        {
            var value = BitConverter.Int64BitsToDouble(random.NextInt64());
            if (!double.IsFinite(value))
            {
                continue;
            }

            Assert.Equal(value == 0 ? 0 : value, Reassemble(FloatNormalization.Normalize(value)));
        }
    }

    private static double Reassemble(string normalized)
    {
        var colon = normalized.IndexOf(':', StringComparison.Ordinal);
        var sign = normalized[0] == '-' ? -1 : 1;
        var exponent = int.Parse(normalized.AsSpan(1, colon - 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var digits = normalized[(colon + 1)..];
        var fraction = 0.0;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            fraction = (fraction + (digits[i] - '0')) / 2;
        }

        // The digits start at the units place: value = fraction * 2 * 2^exponent.
        return sign * Math.ScaleB(fraction * 2, exponent);
    }
}
