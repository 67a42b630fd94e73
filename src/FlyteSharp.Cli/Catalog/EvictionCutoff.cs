using System.Globalization;

namespace FlyteSharp.Cli.Catalog;

/// <summary>
/// The <c>--older-than</c> value: an age (<c>30d</c>, <c>12h</c>, <c>90m</c>, <c>45s</c>) counted back from now, or a
/// date or date and time in ISO 8601 (<c>2026-01-31</c>, <c>2026-01-31T12:00:00+01:00</c>), UTC unless it says otherwise.
/// </summary>
internal static class EvictionCutoff
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    /// <exception cref="CliUsageException">The text is neither an age nor a date.</exception>
    public static DateTimeOffset Parse(string text, DateTimeOffset now)
    {
        var value = text.Trim();
        if (TryParseAge(value, out var age))
        {
            return now - age;
        }

        // A date with an explicit offset or Z keeps it; one without is UTC (stored creation times are UTC).
        if (DateTimeOffset.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            || DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out date))
        {
            return date;
        }

        throw new CliUsageException($"--older-than '{text}' is neither an age (30d, 12h, 90m, 45s) nor a date (2026-01-31, 2026-01-31T12:00:00Z)");
    }

    private static bool TryParseAge(string value, out TimeSpan age)
    {
        age = default;
        if (value.Length < 2 || !long.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        Func<double, TimeSpan>? unit = value[^1] switch
        {
            'd' => TimeSpan.FromDays,
            'h' => TimeSpan.FromHours,
            'm' => TimeSpan.FromMinutes,
            's' => TimeSpan.FromSeconds,
            _ => null,
        };
        if (unit is null)
        {
            return false;
        }

        try
        {
            age = unit(amount);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
