using CsCheck;
using FlyteSharp.Formats;
using FlyteSharp.Literals;
using Google.Protobuf;

namespace FlyteSharp.Tests.Literals;

/// <summary>Round trips over generated values, through the protobuf wire format as a catalog would store them.</summary>
public sealed class PropertyTests
{
    private static T ThroughTheWire<T>(T value)
    {
        var bytes = LiteralConverter.ToLiteral(value).ToByteArray();
        return LiteralConverter.FromLiteral<T>(Flyteidl.Core.Literal.Parser.ParseFrom(bytes));
    }

    [Fact]
    public void Longs_round_trip() => Gen.Long.Sample(value => ThroughTheWire(value) == value);

    [Fact]
    public void A_long_reads_as_int_exactly_when_it_fits()
    {
        Gen.Long.Sample(value =>
        {
            var literal = LiteralConverter.ToLiteral(value);
            var fits = value is >= int.MinValue and <= int.MaxValue;
            try
            {
                var read = LiteralConverter.FromLiteral<int>(literal);
                return fits && read == value;
            }
            catch (FlyteTypeException)
            {
                return !fits;
            }
        });
    }

    [Fact]
    public void Doubles_round_trip_bit_for_bit() =>
        Gen.Double.Sample(value => BitConverter.DoubleToInt64Bits(ThroughTheWire(value)) == BitConverter.DoubleToInt64Bits(value));

    [Fact]
    public void Strings_round_trip() => Gen.String.Sample(value => ThroughTheWire(value) == value);

    [Fact]
    public void DateTimes_round_trip_to_the_tick() =>
        Gen.Long[DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks].Sample(ticks =>
        {
            var value = new DateTime(ticks, DateTimeKind.Utc);
            var read = ThroughTheWire(value);
            return read == value && read.Kind == DateTimeKind.Utc;
        });

    [Fact]
    public void DateTimeOffsets_keep_their_instant() =>
        Gen.DateTimeOffset.Sample(value => ThroughTheWire(value).UtcTicks == value.UtcTicks);

    [Fact]
    public void TimeSpans_within_the_duration_range_round_trip() =>
        Gen.Long[-3_155_760_000_000_000_000, 3_155_760_000_000_000_000].Sample(ticks => ThroughTheWire(TimeSpan.FromTicks(ticks)).Ticks == ticks);

    [Fact]
    public void Lists_of_nullable_longs_round_trip() =>
        Gen.Long.Nullable().List.Sample(value => ThroughTheWire(value).SequenceEqual(value));

    [Fact]
    public void Maps_of_nullable_long_arrays_round_trip() =>
        Gen.Select(Gen.String, Gen.Long.Nullable().Array).List.Sample(pairs =>
        {
            var value = pairs.DistinctBy(pair => pair.Item1).ToDictionary(pair => pair.Item1, pair => pair.Item2, StringComparer.Ordinal);
            var read = ThroughTheWire(value);
            return read.Count == value.Count && value.All(pair => read[pair.Key].SequenceEqual(pair.Value));
        });

    [Fact]
    public void Nullable_strings_round_trip_through_a_signature()
    {
        var converter = LiteralConverter.For<List<string?>>("!?");
        Gen.String.Null().List.Sample(value =>
            converter.FromLiteral(Flyteidl.Core.Literal.Parser.ParseFrom(converter.ToLiteral(value).ToByteArray())).SequenceEqual(value));
    }

    [Fact]
    public void Files_keep_their_remote_uri() =>
        Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-_./ "], 1, 40].Sample(key =>
        {
            var file = new FlyteFile<Csv>(new Uri("s3://bucket/" + key));
            var read = ThroughTheWire(file);
            return read == file && read.Uri.OriginalString == file.Uri.OriginalString;
        });

    [Fact]
    public void Enums_round_trip() =>
        Gen.Enum<EnumConversionTests.Color>().Sample(value => ThroughTheWire(value) == value);
}
