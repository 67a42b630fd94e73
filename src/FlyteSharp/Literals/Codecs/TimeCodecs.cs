using System.Globalization;
using Flyteidl.Core;
using FlyteSharp.Typing;
using SimpleType = FlyteSharp.Typing.SimpleType;
using Google.Protobuf.WellKnownTypes;

namespace FlyteSharp.Literals.Codecs;

/// <summary>
/// <c>DateTime</c> as DATETIME, always UTC. A <see cref="DateTimeKind.Local"/> value is converted to UTC; an
/// <see cref="DateTimeKind.Unspecified"/> one is taken to be UTC already (so <c>DateTime.MinValue</c> and
/// <c>MaxValue</c> round-trip). Reads give <see cref="DateTimeKind.Utc"/>. .NET counts 100 ns ticks, so nanoseconds
/// below 100 are dropped when reading (rounded toward the earlier instant); writing is exact.
/// </summary>
internal sealed class DateTimeCodec() : Codec<DateTime>(new SimpleType(SimpleKind.Datetime))
{
    protected override Literal Write(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        return LiteralShapes.Of(new Primitive { Datetime = ProtoTime.ToTimestamp(utc.Ticks) });
    }

    protected override DateTime Read(Literal literal) =>
        new(ProtoTime.ReadTimestampTicks(literal, this), DateTimeKind.Utc);
}

/// <summary><c>DateTimeOffset</c> as DATETIME: the instant is kept, the offset is not (reads give offset zero).</summary>
internal sealed class DateTimeOffsetCodec() : Codec<DateTimeOffset>(new SimpleType(SimpleKind.Datetime))
{
    protected override Literal Write(DateTimeOffset value) =>
        LiteralShapes.Of(new Primitive { Datetime = ProtoTime.ToTimestamp(value.UtcTicks) });

    protected override DateTimeOffset Read(Literal literal) =>
        new(ProtoTime.ReadTimestampTicks(literal, this), TimeSpan.Zero);
}

/// <summary>
/// <c>TimeSpan</c> as DURATION. Writing is exact; a TimeSpan beyond protobuf's ±10,000 years is an error. Reading
/// drops nanoseconds below a 100 ns tick (rounded toward zero).
/// </summary>
internal sealed class TimeSpanCodec() : Codec<TimeSpan>(new SimpleType(SimpleKind.Duration))
{
    protected override Literal Write(TimeSpan value) => LiteralShapes.Of(new Primitive { Duration = ProtoTime.ToDuration(value) });

    protected override TimeSpan Read(Literal literal)
    {
        var primitive = LiteralShapes.PrimitiveOf(literal);
        if (primitive is null || primitive.ValueCase != Primitive.ValueOneofCase.Duration)
        {
            throw Mismatch(literal, "a DURATION primitive");
        }

        return ProtoTime.FromDuration(primitive.Duration);
    }
}

/// <summary>Exact conversions between .NET ticks and protobuf Timestamp / Duration, with their validity ranges.</summary>
internal static class ProtoTime
{
    private const long NanosPerTick = 100;

    // google.protobuf.Timestamp: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z, like DateTime.
    private const long MinTimestampSeconds = -62_135_596_800;
    private const long MaxTimestampSeconds = 253_402_300_799;

    // google.protobuf.Duration: about ±10,000 years, narrower than TimeSpan.
    private const long MaxDurationSeconds = 315_576_000_000;

    public static Timestamp ToTimestamp(long utcTicks)
    {
        var sinceEpoch = utcTicks - DateTime.UnixEpoch.Ticks;
        var seconds = Math.DivRem(sinceEpoch, TimeSpan.TicksPerSecond, out var remainder);
        if (remainder < 0)
        {
            seconds--;
            remainder += TimeSpan.TicksPerSecond;
        }

        return new Timestamp { Seconds = seconds, Nanos = (int)(remainder * NanosPerTick) };
    }

    public static long ReadTimestampTicks(Literal literal, Codec codec)
    {
        var primitive = LiteralShapes.PrimitiveOf(literal);
        if (primitive is null || primitive.ValueCase != Primitive.ValueOneofCase.Datetime)
        {
            throw new FlyteTypeException(
                $"Cannot read {LiteralDescription.Of(literal)} as {TypeDisplay.Of(codec.ClrType)} (Flyte type {codec.Type}): expected a DATETIME primitive.");
        }

        var timestamp = primitive.Datetime;
        if (timestamp.Seconds < MinTimestampSeconds || timestamp.Seconds > MaxTimestampSeconds || timestamp.Nanos < 0 || timestamp.Nanos > 999_999_999)
        {
            throw new FlyteTypeException(string.Create(
                CultureInfo.InvariantCulture,
                $"The DATETIME (seconds {timestamp.Seconds}, nanos {timestamp.Nanos}) is not a valid protobuf Timestamp (years 1 to 9999, nanos 0 to 999999999)."));
        }

        return DateTime.UnixEpoch.Ticks + (timestamp.Seconds * TimeSpan.TicksPerSecond) + (timestamp.Nanos / NanosPerTick);
    }

    public static Duration ToDuration(TimeSpan value)
    {
        var seconds = Math.DivRem(value.Ticks, TimeSpan.TicksPerSecond, out var remainder);
        if (seconds < -MaxDurationSeconds || seconds > MaxDurationSeconds)
        {
            throw new FlyteTypeException(string.Create(
                CultureInfo.InvariantCulture,
                $"The TimeSpan {value} is beyond the range of a Flyte DURATION (protobuf Duration: ±{MaxDurationSeconds} seconds, about 10,000 years)."));
        }

        // Same sign for both parts, as protobuf requires: C#'s remainder takes the dividend's sign.
        return new Duration { Seconds = seconds, Nanos = (int)(remainder * NanosPerTick) };
    }

    public static TimeSpan FromDuration(Duration duration)
    {
        var seconds = duration.Seconds;
        var nanos = duration.Nanos;
        if (seconds < -MaxDurationSeconds || seconds > MaxDurationSeconds || nanos < -999_999_999 || nanos > 999_999_999
            || (seconds > 0 && nanos < 0) || (seconds < 0 && nanos > 0))
        {
            throw new FlyteTypeException(string.Create(
                CultureInfo.InvariantCulture,
                $"The DURATION (seconds {seconds}, nanos {nanos}) is not a valid protobuf Duration (±{MaxDurationSeconds} seconds, nanos of the same sign below 10^9)."));
        }

        return TimeSpan.FromTicks((seconds * TimeSpan.TicksPerSecond) + (nanos / NanosPerTick));
    }
}
