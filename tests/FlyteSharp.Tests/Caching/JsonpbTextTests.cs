using System.Globalization;
using CsCheck;
using FlyteSharp.Caching;

namespace FlyteSharp.Tests.Caching;

public sealed class JsonpbTextTests
{
    [Fact]
    public void Timestamps_agree_with_the_bcl_calendar_over_years_1_to_9999() =>
        Gen.Select(Gen.Long[-62135596800, 253402300799], Gen.Int[0, 999_999_999]).Sample((seconds, nanos) =>
        {
            var expected = DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
                + Fraction(nanos) + "Z";
            Assert.Equal(expected, JsonpbText.Timestamp(seconds, nanos));
        }, iter: 2000);

    [Fact]
    public void Timestamps_beyond_year_9999_continue_the_calendar()
    {
        // 400 Gregorian years are exactly 146097 days, so the calendar repeats with the year shifted by 400.
        Gen.Select(Gen.Long[-62135596800, 253402300799 - 12622780800], Gen.Int[1, 100_000]).Sample((seconds, cycles) =>
        {
            var shifted = JsonpbText.Timestamp(seconds + (cycles * 12622780800L), 0);
            var plain = JsonpbText.Timestamp(seconds, 0);
            var year = long.Parse(plain[..4], CultureInfo.InvariantCulture) + (400L * cycles);
            Assert.Equal(year.ToString("0000", CultureInfo.InvariantCulture) + plain[4..], shifted);
        }, iter: 500);
        Assert.Equal("-292277022657-01-27T08:29:52Z", JsonpbText.Timestamp(long.MinValue, 0));
        Assert.Equal("292277026596-12-04T15:30:07Z", JsonpbText.Timestamp(long.MaxValue, 0));
    }

    [Fact]
    public void Rendered_numbers_read_back_as_the_same_value() =>
        Gen.Double.Where(double.IsFinite).Sample(value =>
        {
            var text = JsonpbText.Number(value, isFloat32: false);
            Assert.Equal(value, double.Parse(text, CultureInfo.InvariantCulture));
            Assert.DoesNotContain("E", text, StringComparison.Ordinal);
            var single = (float)value;
            if (float.IsFinite(single))
            {
                Assert.Equal(single, float.Parse(JsonpbText.Number(single, isFloat32: true), CultureInfo.InvariantCulture));
            }
        }, iter: 2000);

    private static string Fraction(int nanos) =>
        nanos == 0 ? string.Empty
        : nanos % 1_000_000 == 0 ? "." + (nanos / 1_000_000).ToString("000", CultureInfo.InvariantCulture)
        : nanos % 1_000 == 0 ? "." + (nanos / 1_000).ToString("000000", CultureInfo.InvariantCulture)
        : "." + nanos.ToString("000000000", CultureInfo.InvariantCulture);
}
