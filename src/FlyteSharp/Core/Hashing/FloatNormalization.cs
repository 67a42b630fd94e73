// Mirrors floatNormalize and hashFloat in benlaurie/objecthash go/objecthash/objecthash.go at d1e3d6079fc1,
// the commit Flyte v1.16.8 pins (flytestdlib/go.mod).
using System;
using System.Globalization;
using System.Text;

namespace FlyteSharp.Hashing;

/// <summary>
/// objecthash's text form of a float64, the bytes hashed after the <c>f</c> tag: a sign, the binary exponent
/// <c>e</c> such that <c>|x| / 2^e</c> lies in (0.5, 1], a colon, then that fraction's binary digits from the
/// units place down to the last 1 (so <c>1.0</c> is <c>+0:1</c>, <c>3.0</c> is <c>+2:011</c>, and both zeros are
/// <c>+0:</c>). Infinities and NaN, which JSON cannot carry, are <c>Infinity</c>, <c>-Infinity</c>, <c>NaN</c>.
/// </summary>
public static class FloatNormalization
{
    /// <summary>The longest text <see cref="Normalize"/> can produce for a finite double: sign, "-1074", colon, 54 digits.</summary>
    internal const int MaxLength = 64;

    /// <summary>The normalized text of <paramref name="value"/>.</summary>
    public static string Normalize(double value)
    {
        var buffer = new byte[MaxLength];
        var length = Write(value, buffer);
        return Encoding.ASCII.GetString(buffer, 0, length);
    }

    /// <summary>Writes the normalized text of <paramref name="value"/> as ASCII into <paramref name="buffer"/> (at least <see cref="MaxLength"/> bytes) and returns its length.</summary>
    internal static int Write(double value, byte[] buffer)
    {
        _ = buffer ?? throw new ArgumentNullException(nameof(buffer));

        if (buffer.Length < MaxLength)
        {
            throw new ArgumentException("The buffer must hold at least " + MaxLength.ToString(CultureInfo.InvariantCulture) + " bytes.", nameof(buffer));
        }

        if (double.IsNaN(value))
        {
            return WriteAscii("NaN", buffer);
        }

        if (double.IsPositiveInfinity(value))
        {
            return WriteAscii("Infinity", buffer);
        }

        if (double.IsNegativeInfinity(value))
        {
            return WriteAscii("-Infinity", buffer);
        }

        var parts = Decompose(value);
        var length = 0;
        buffer[length++] = parts.Negative ? (byte)'-' : (byte)'+';
        foreach (var c in parts.Exponent.ToString(CultureInfo.InvariantCulture))
        {
            buffer[length++] = (byte)c;
        }

        buffer[length++] = (byte)':';
        for (var i = parts.DigitCount - 1; i >= 0; i--)
        {
            buffer[length++] = ((parts.Digits >> i) & 1) == 1 ? (byte)'1' : (byte)'0';
        }

        return length;
    }

    /// <summary>
    /// The parts of the normalized form of a finite <paramref name="value"/>: the digits are the low
    /// <see cref="Parts.DigitCount"/> bits of <see cref="Parts.Digits"/>, most significant first.
    /// </summary>
    internal static Parts Decompose(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Only finite values have a normalized binary form.");
        }

        // Zero of either sign is special-cased upstream: the loops below would never end.
        if (value == 0)
        {
            return new Parts(false, 0, 0, 0);
        }

        var negative = value < 0;
        var f = negative ? -value : value;

        // Halving and doubling are exact here (f > 1 is never subnormal), so this is the same walk Go takes.
        var exponent = 0;
        while (f > 1)
        {
            f /= 2;
            exponent++;
        }

        while (f <= .5)
        {
            f *= 2;
            exponent--;
        }

        ulong digits = 0;
        var count = 0;
        while (f != 0)
        {
            digits <<= 1;
            if (f >= 1)
            {
                digits |= 1;
                f--;
            }

            count++;
            if (count > 60)
            {
                // A double has 53 significant bits, so this is unreachable; upstream errors the same way.
                throw new InvalidOperationException("Could not normalize float: " + value.ToString("R", CultureInfo.InvariantCulture));
            }

            f *= 2;
        }

        return new Parts(negative, exponent, digits, count);
    }

    private static int WriteAscii(string text, byte[] buffer)
    {
        for (var i = 0; i < text.Length; i++)
        {
            buffer[i] = (byte)text[i];
        }

        return text.Length;
    }

    /// <summary>Sign, binary exponent and fraction digits of a normalized float.</summary>
    internal readonly struct Parts
    {
        internal Parts(bool negative, int exponent, ulong digits, int digitCount)
        {
            Negative = negative;
            Exponent = exponent;
            Digits = digits;
            DigitCount = digitCount;
        }

        /// <summary>Whether the value is below zero (never true for -0.0).</summary>
        public bool Negative { get; }

        /// <summary>The binary exponent.</summary>
        public int Exponent { get; }

        /// <summary>The fraction digits, right-aligned.</summary>
        public ulong Digits { get; }

        /// <summary>How many digits <see cref="Digits"/> holds (0 for zero).</summary>
        public int DigitCount { get; }
    }
}
