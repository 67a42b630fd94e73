using Flyteidl.Core;
using FlyteSharp.Literals;
using Google.Protobuf.WellKnownTypes;

namespace FlyteSharp.Tests.Literals;

public sealed class TimeConversionTests
{
    private static Literal Datetime(long seconds, int nanos) =>
        new() { Scalar = new Scalar { Primitive = new Primitive { Datetime = new Timestamp { Seconds = seconds, Nanos = nanos } } } };

    private static Literal Duration(long seconds, int nanos) =>
        new() { Scalar = new Scalar { Primitive = new Primitive { Duration = new Duration { Seconds = seconds, Nanos = nanos } } } };

    [Fact]
    public void A_utc_datetime_is_written_exactly_to_the_tick()
    {
        var value = new DateTime(2024, 2, 29, 13, 45, 7, DateTimeKind.Utc).AddTicks(1234567);

        Assert.Equal(Datetime(1709214307, 123456700), LiteralConverter.ToLiteral(value));
        var read = LiteralConverter.FromLiteral<DateTime>(LiteralConverter.ToLiteral(value));
        Assert.Equal(value, read);
        Assert.Equal(DateTimeKind.Utc, read.Kind);
    }

    [Fact]
    public void DateTime_min_and_max_round_trip_at_the_edges_of_the_timestamp_range()
    {
        Assert.Equal(Datetime(-62135596800, 0), LiteralConverter.ToLiteral(DateTime.MinValue));
        Assert.Equal(Datetime(253402300799, 999999900), LiteralConverter.ToLiteral(DateTime.MaxValue));
        Assert.Equal(DateTime.MinValue.Ticks, LiteralConverter.FromLiteral<DateTime>(LiteralConverter.ToLiteral(DateTime.MinValue)).Ticks);
        Assert.Equal(DateTime.MaxValue.Ticks, LiteralConverter.FromLiteral<DateTime>(LiteralConverter.ToLiteral(DateTime.MaxValue)).Ticks);
    }

    [Fact]
    public void Before_the_epoch_the_nanos_stay_positive()
    {
        var value = DateTime.UnixEpoch.AddTicks(-1);

        Assert.Equal(Datetime(-1, 999999900), LiteralConverter.ToLiteral(value));
        Assert.Equal(value, LiteralConverter.FromLiteral<DateTime>(Datetime(-1, 999999900)));
    }

    [Theory]
    [InlineData(0, 99, 0)]
    [InlineData(0, 100, 1)]
    [InlineData(0, 199, 1)]
    [InlineData(-1, 999999999, 9999999)]
    public void Nanoseconds_below_a_tick_are_dropped_toward_the_earlier_instant(long seconds, int nanos, long ticksAfterSecond)
    {
        var read = LiteralConverter.FromLiteral<DateTime>(Datetime(seconds, nanos));

        Assert.Equal(DateTime.UnixEpoch.AddSeconds(seconds).AddTicks(ticksAfterSecond), read);
    }

    [Fact]
    public void An_unspecified_datetime_is_taken_as_utc_and_a_local_one_is_converted()
    {
        var unspecified = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var utc = DateTime.SpecifyKind(unspecified, DateTimeKind.Utc);
        var local = utc.ToLocalTime();

        Assert.Equal(LiteralConverter.ToLiteral(utc), LiteralConverter.ToLiteral(unspecified));
        Assert.Equal(LiteralConverter.ToLiteral(utc), LiteralConverter.ToLiteral(local));
    }

    [Fact]
    public void DateTimeOffset_keeps_the_instant_and_reads_back_at_offset_zero()
    {
        var value = new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.FromHours(2)).AddTicks(3);

        var literal = LiteralConverter.ToLiteral(value);
        var read = LiteralConverter.FromLiteral<DateTimeOffset>(literal);

        Assert.Equal(LiteralConverter.ToLiteral(value.UtcDateTime), literal);
        Assert.Equal(value, read);
        Assert.Equal(TimeSpan.Zero, read.Offset);
    }

    [Theory]
    [InlineData(253402300800L, 0)]
    [InlineData(-62135596801L, 0)]
    [InlineData(0L, -1)]
    [InlineData(0L, 1000000000)]
    public void An_invalid_timestamp_is_an_error(long seconds, int nanos)
    {
        var error = Assert.Throws<FlyteTypeException>(() => LiteralConverter.FromLiteral<DateTime>(Datetime(seconds, nanos)));

        Assert.Contains("not a valid protobuf Timestamp", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_datetime_does_not_read_a_duration()
    {
        var error = Assert.Throws<FlyteTypeException>(() => LiteralConverter.FromLiteral<DateTimeOffset>(Duration(1, 0)));

        Assert.Contains("DateTimeOffset", error.Message, StringComparison.Ordinal);
        Assert.Contains("DURATION primitive", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(15_000_000L, 1L, 500_000_000)]
    [InlineData(-15_000_000L, -1L, -500_000_000)]
    [InlineData(-1L, 0L, -100)]
    [InlineData(0L, 0L, 0)]
    public void TimeSpan_is_a_duration_with_parts_of_one_sign(long ticks, long seconds, int nanos)
    {
        var literal = LiteralConverter.ToLiteral(TimeSpan.FromTicks(ticks));

        Assert.Equal(Duration(seconds, nanos), literal);
        Assert.Equal(TimeSpan.FromTicks(ticks), LiteralConverter.FromLiteral<TimeSpan>(literal));
    }

    [Theory]
    [InlineData(0L, 199, 1L)]
    [InlineData(0L, -199, -1L)]
    [InlineData(-2L, -999999999, -29999999L)]
    public void Duration_nanoseconds_below_a_tick_are_dropped_toward_zero(long seconds, int nanos, long ticks)
    {
        Assert.Equal(TimeSpan.FromTicks(ticks), LiteralConverter.FromLiteral<TimeSpan>(Duration(seconds, nanos)));
    }

    [Fact]
    public void The_largest_protobuf_duration_round_trips_and_one_beyond_is_refused()
    {
        var largest = TimeSpan.FromSeconds(315_576_000_000) + TimeSpan.FromTicks(9_999_999);

        Assert.Equal(largest, LiteralConverter.FromLiteral<TimeSpan>(LiteralConverter.ToLiteral(largest)));
        Assert.Equal(-largest, LiteralConverter.FromLiteral<TimeSpan>(LiteralConverter.ToLiteral(-largest)));
        var error = Assert.Throws<FlyteTypeException>(() => LiteralConverter.ToLiteral(TimeSpan.MaxValue));
        Assert.Contains("beyond the range of a Flyte DURATION", error.Message, StringComparison.Ordinal);
        Assert.Throws<FlyteTypeException>(() => LiteralConverter.ToLiteral(TimeSpan.MinValue));
    }

    [Theory]
    [InlineData(1L, -1)]
    [InlineData(-1L, 1)]
    [InlineData(315_576_000_001L, 0)]
    [InlineData(0L, 1_000_000_000)]
    public void An_invalid_duration_is_an_error(long seconds, int nanos)
    {
        var error = Assert.Throws<FlyteTypeException>(() => LiteralConverter.FromLiteral<TimeSpan>(Duration(seconds, nanos)));

        Assert.Contains("not a valid protobuf Duration", error.Message, StringComparison.Ordinal);
    }
}
