// Mirrors how golang/protobuf v1.5.4 jsonpb (jsonpb/encode.go) writes Timestamp and Duration, and how Go's
// encoding/json writes numbers and strings (encode.go floatEncoder, appendString) for the values jsonpb hands it.
using System.Globalization;
using System.Text;

namespace FlyteSharp.Caching;

/// <summary>The exact text Go's jsonpb produces for well-known scalar forms.</summary>
internal static class JsonpbText
{
    /// <summary>Enough for any Timestamp: a 12-digit signed year, the rest of the date and time, 9 fraction digits, Z.</summary>
    public const int MaxTimestampLength = 48;

    /// <summary>Enough for any valid Duration.</summary>
    public const int MaxDurationLength = 32;

    private const long NanosPerSecond = 1_000_000_000;
    private const long MaxDurationSeconds = 315_576_000_000;
    private const long SecondsPerDay = 86_400;

    /// <summary>
    /// Writes a Timestamp as jsonpb does: RFC 3339 in UTC with 0, 3, 6 or 9 fraction digits and <c>Z</c>.
    /// Only the nanos are checked (as jsonpb does); seconds beyond years 1-9999 print as Go's time package
    /// prints them (a signed, zero-padded, possibly longer year) on the proleptic Gregorian calendar.
    /// </summary>
    public static int WriteTimestamp(long seconds, int nanos, Span<byte> destination)
    {
        if (nanos < 0 || nanos >= NanosPerSecond)
        {
            throw new CacheKeyException(
                "google.protobuf.Timestamp nanos " + nanos.ToString(CultureInfo.InvariantCulture)
                + " are out of range [0, 1000000000); Flyte's jsonpb refuses to render it, so it has no cache key.");
        }

        var days = Math.DivRem(seconds, SecondsPerDay, out var secondOfDay);
        if (secondOfDay < 0)
        {
            days--;
            secondOfDay += SecondsPerDay;
        }

        var (year, month, day) = CivilFromDays(days);
        var length = 0;
        if (year < 0)
        {
            destination[length++] = (byte)'-';
        }

        var absoluteYear = year < 0 ? -year : year;
        length += WritePadded(absoluteYear, 4, destination[length..]);
        destination[length++] = (byte)'-';
        length += WritePadded(month, 2, destination[length..]);
        destination[length++] = (byte)'-';
        length += WritePadded(day, 2, destination[length..]);
        destination[length++] = (byte)'T';
        length += WritePadded(secondOfDay / 3600, 2, destination[length..]);
        destination[length++] = (byte)':';
        length += WritePadded(secondOfDay / 60 % 60, 2, destination[length..]);
        destination[length++] = (byte)':';
        length += WritePadded(secondOfDay % 60, 2, destination[length..]);
        length += WriteFraction(nanos, destination[length..]);
        destination[length++] = (byte)'Z';
        return length;
    }

    /// <summary>Writes a Duration as jsonpb does, e.g. <c>1.500s</c>, <c>-0.500s</c>, <c>3s</c>.</summary>
    public static int WriteDuration(long seconds, int nanos, Span<byte> destination)
    {
        if (seconds < -MaxDurationSeconds || seconds > MaxDurationSeconds)
        {
            throw new CacheKeyException(
                "google.protobuf.Duration seconds " + seconds.ToString(CultureInfo.InvariantCulture)
                + " are out of range; Flyte's jsonpb refuses to render it, so it has no cache key.");
        }

        if (nanos <= -NanosPerSecond || nanos >= NanosPerSecond)
        {
            throw new CacheKeyException(
                "google.protobuf.Duration nanos " + nanos.ToString(CultureInfo.InvariantCulture)
                + " are out of range (-1000000000, 1000000000); Flyte's jsonpb refuses to render it, so it has no cache key.");
        }

        if ((seconds > 0 && nanos < 0) || (seconds < 0 && nanos > 0))
        {
            throw new CacheKeyException("google.protobuf.Duration seconds and nanos have different signs; Flyte's jsonpb refuses to render it, so it has no cache key.");
        }

        var length = 0;
        if (seconds < 0 || nanos < 0)
        {
            destination[length++] = (byte)'-';
            seconds = -seconds;
            nanos = -nanos;
        }

        seconds.TryFormat(destination[length..], out var written, provider: CultureInfo.InvariantCulture);
        length += written;
        length += WriteFraction(nanos, destination[length..]);
        destination[length++] = (byte)'s';
        return length;
    }

    /// <summary>The Timestamp text as a string.</summary>
    public static string Timestamp(long seconds, int nanos)
    {
        Span<byte> buffer = stackalloc byte[MaxTimestampLength];
        return Encoding.ASCII.GetString(buffer[..WriteTimestamp(seconds, nanos, buffer)]);
    }

    /// <summary>The Duration text as a string.</summary>
    public static string Duration(long seconds, int nanos)
    {
        Span<byte> buffer = stackalloc byte[MaxDurationLength];
        return Encoding.ASCII.GetString(buffer[..WriteDuration(seconds, nanos, buffer)]);
    }

    /// <summary>
    /// The float64 Go's JSON parse reads back for a float32 that <c>encoding/json</c> wrote with 32-bit shortest
    /// formatting (so <c>0.1f</c> comes back as the double <c>0.1</c>, not <c>0.100000001490116</c>).
    /// </summary>
    public static double Float32AsParsed(float value) =>
        double.Parse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>
    /// A finite number as Go's <c>encoding/json</c> writes it: shortest digits that round-trip at the given width,
    /// fixed notation unless the magnitude is below 1e-6 or at least 1e21, exponents like <c>1e-7</c>, <c>1e+21</c>.
    /// </summary>
    public static string Number(double value, bool isFloat32)
    {
        var shortest = isFloat32
            ? ((float)value).ToString("R", CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);
        var negative = shortest.StartsWith('-');
        var (digits, pointPosition) = SplitDecimal(negative ? shortest[1..] : shortest);
        var exponential = isFloat32
            ? Math.Abs((float)value) is var single && single != 0 && (single < 1e-6f || single >= 1e21f)
            : Math.Abs(value) is var magnitude && magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e21);
        var text = new StringBuilder();
        if (negative)
        {
            text.Append('-');
        }

        if (exponential)
        {
            text.Append(digits[0]);
            if (digits.Length > 1)
            {
                text.Append('.').Append(digits, 1, digits.Length - 1);
            }

            var exponent = pointPosition - 1;
            text.Append('e').Append(exponent < 0 ? '-' : '+');
            var exponentDigits = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);

            // strconv writes at least two exponent digits; encoding/json then trims "e-09" to "e-9" only.
            if (exponentDigits.Length < 2 && exponent >= 0)
            {
                text.Append('0');
            }

            text.Append(exponentDigits);
        }
        else if (pointPosition <= 0)
        {
            text.Append("0.").Append('0', -pointPosition).Append(digits);
        }
        else if (pointPosition >= digits.Length)
        {
            text.Append(digits).Append('0', pointPosition - digits.Length);
        }
        else
        {
            text.Append(digits, 0, pointPosition).Append('.').Append(digits, pointPosition, digits.Length - pointPosition);
        }

        return text.ToString();
    }

    /// <summary>Appends <paramref name="value"/> as a JSON string the way Go's <c>encoding/json</c> escapes it (HTML-safe).</summary>
    public static void AppendString(StringBuilder builder, string value)
    {
        builder.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); continue;
                case '\\': builder.Append("\\\\"); continue;
                case '\b': builder.Append("\\b"); continue;
                case '\f': builder.Append("\\f"); continue;
                case '\n': builder.Append("\\n"); continue;
                case '\r': builder.Append("\\r"); continue;
                case '\t': builder.Append("\\t"); continue;
                case '<' or '>' or '&' or '\u2028' or '\u2029':
                    AppendUnicodeEscape(builder, c);
                    continue;
            }

            if (c < 0x20)
            {
                AppendUnicodeEscape(builder, c);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                // Go sees the UTF-8 of an unpaired surrogate as invalid and writes the replacement character.
                builder.Append("\\ufffd");
            }
            else
            {
                builder.Append(c);
            }
        }

        builder.Append('"');
    }

    private static void AppendUnicodeEscape(StringBuilder builder, char c) =>
        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));

    private static (string Digits, int PointPosition) SplitDecimal(string text)
    {
        // .NET's round-trip form: digits with an optional '.', then an optional E+xx / E-xx.
        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var point = text.IndexOf('.', StringComparison.Ordinal);
        var integerPart = point >= 0 ? text[..point] : text;
        var fraction = point >= 0 ? text[(point + 1)..] : string.Empty;
        var digits = (integerPart + fraction).TrimStart('0');
        var leadingZeros = (integerPart + fraction).Length - digits.Length;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            return ("0", 1);
        }

        return (digits, integerPart.Length - leadingZeros + exponent);
    }

    private static int WriteFraction(int nanos, Span<byte> destination)
    {
        if (nanos == 0)
        {
            return 0;
        }

        var (digits, value) = (nanos % 1_000_000) == 0 ? (3, nanos / 1_000_000)
            : (nanos % 1_000) == 0 ? (6, nanos / 1_000)
            : (9, nanos);
        destination[0] = (byte)'.';
        return 1 + WritePadded(value, digits, destination[1..]);
    }

    private static int WritePadded(long value, int width, Span<byte> destination)
    {
        Span<byte> digits = stackalloc byte[20];
        value.TryFormat(digits, out var count, provider: CultureInfo.InvariantCulture);
        var padding = Math.Max(0, width - count);
        destination[..padding].Fill((byte)'0');
        digits[..count].CopyTo(destination[padding..]);
        return padding + count;
    }

    // Days since 1970-01-01 to a proleptic Gregorian (astronomical) date, exact over the whole long range
    // of Timestamp seconds (Howard Hinnant's civil_from_days).
    private static (long Year, long Month, long Day) CivilFromDays(long days)
    {
        var shifted = days + 719_468;
        var era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097;
        var dayOfEra = shifted - (era * 146_097);
        var yearOfEra = (dayOfEra - (dayOfEra / 1_460) + (dayOfEra / 36_524) - (dayOfEra / 146_096)) / 365;
        var dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        var monthIndex = ((5 * dayOfYear) + 2) / 153;
        var day = dayOfYear - (((153 * monthIndex) + 2) / 5) + 1;
        var month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
        var year = yearOfEra + (era * 400) + (month <= 2 ? 1 : 0);
        return (year, month, day);
    }
}
