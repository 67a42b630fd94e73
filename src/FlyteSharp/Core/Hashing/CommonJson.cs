// Mirrors what Go's encoding/json Unmarshal does into an interface{} (decode.go, scanner.go), which is the
// parse objecthash's CommonJSONHash runs before hashing.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace FlyteSharp.Hashing;

/// <summary>
/// Parses JSON into "common JSON" values the way Go's <c>encoding/json</c> fills an <c>interface{}</c>:
/// objects become <see cref="Dictionary{TKey, TValue}"/> (a repeated key keeps its last value), arrays
/// <see cref="List{T}"/>, every number a <see cref="double"/>, strings with escapes decoded and unpaired surrogates
/// replaced by U+FFFD, <see langword="true"/>/<see langword="false"/>, and <see langword="null"/>.
/// </summary>
public static class CommonJson
{
    // Go refuses nesting deeper than this (encoding/json maxNestingDepth).
    private const int MaxDepth = 10000;

    /// <summary>Parses one JSON value (surrounding whitespace allowed).</summary>
    /// <exception cref="FormatException">Invalid JSON, or a number that does not fit a float64.</exception>
    public static object? Parse(string json)
    {
        _ = json ?? throw new ArgumentNullException(nameof(json));

        var reader = new Reader(json);
        try
        {
            reader.SkipWhitespace();
            var value = reader.ReadValue(0);
            reader.SkipWhitespace();
            if (!reader.AtEnd)
            {
                throw reader.Error("unexpected text after the top-level value");
            }

            return value;
        }
        catch (InsufficientExecutionStackException)
        {
            throw new FormatException("JSON is nested too deeply to parse.");
        }
    }

    private sealed class Reader
    {
        private readonly string text;
        private int position;

        public Reader(string text) => this.text = text;

        public bool AtEnd => position >= text.Length;

        public void SkipWhitespace()
        {
            while (position < text.Length && text[position] is ' ' or '\t' or '\r' or '\n')
            {
                position++;
            }
        }

        public FormatException Error(string what) =>
            new("Invalid JSON at offset " + position.ToString(CultureInfo.InvariantCulture) + ": " + what + ".");

        public object? ReadValue(int depth)
        {
            if (AtEnd)
            {
                throw Error("unexpected end of input");
            }

            switch (text[position])
            {
                case '{':
                    return ReadObject(depth + 1);
                case '[':
                    return ReadArray(depth + 1);
                case '"':
                    return ReadString();
                case 't':
                    ReadLiteral("true");
                    return true;
                case 'f':
                    ReadLiteral("false");
                    return false;
                case 'n':
                    ReadLiteral("null");
                    return null;
                default:
                    return ReadNumber();
            }
        }

        private Dictionary<string, object?> ReadObject(int depth)
        {
            EnterContainer(depth);
            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            position++;
            SkipWhitespace();
            if (Peek() == '}')
            {
                position++;
                return result;
            }

            while (true)
            {
                SkipWhitespace();
                if (Peek() != '"')
                {
                    throw Error("expected a string key");
                }

                var key = ReadString();
                SkipWhitespace();
                Expect(':');
                SkipWhitespace();
                result[key] = ReadValue(depth);
                SkipWhitespace();
                var next = Peek();
                position++;
                if (next == '}')
                {
                    return result;
                }

                if (next != ',')
                {
                    position--;
                    throw Error("expected ',' or '}'");
                }
            }
        }

        private List<object?> ReadArray(int depth)
        {
            EnterContainer(depth);
            var result = new List<object?>();
            position++;
            SkipWhitespace();
            if (Peek() == ']')
            {
                position++;
                return result;
            }

            while (true)
            {
                SkipWhitespace();
                result.Add(ReadValue(depth));
                SkipWhitespace();
                var next = Peek();
                position++;
                if (next == ']')
                {
                    return result;
                }

                if (next != ',')
                {
                    position--;
                    throw Error("expected ',' or ']'");
                }
            }
        }

        private void EnterContainer(int depth)
        {
            if (depth > MaxDepth)
            {
                throw Error("exceeded max depth");
            }

            RuntimeHelpers.EnsureSufficientExecutionStack();
        }

        private string ReadString()
        {
            position++;
            var builder = new StringBuilder();
            while (true)
            {
                if (AtEnd)
                {
                    throw Error("unterminated string");
                }

                var c = text[position++];
                if (c == '"')
                {
                    return builder.ToString();
                }

                if (c < 0x20)
                {
                    position--;
                    throw Error("control character in string");
                }

                if (c != '\\')
                {
                    if (char.IsSurrogate(c))
                    {
                        // A well-formed pair passes through; a lone half is what Go would see as bad UTF-8.
                        if (char.IsHighSurrogate(c) && position < text.Length && char.IsLowSurrogate(text[position]))
                        {
                            builder.Append(c).Append(text[position++]);
                        }
                        else
                        {
                            builder.Append('\uFFFD');
                        }
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    continue;
                }

                if (AtEnd)
                {
                    throw Error("unterminated escape");
                }

                var escape = text[position++];
                switch (escape)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        var unit = ReadHex4();
                        if (char.IsHighSurrogate(unit) && position + 6 <= text.Length && text[position] == '\\' && text[position + 1] == 'u')
                        {
                            var save = position;
                            position += 2;
                            var low = ReadHex4();
                            if (char.IsLowSurrogate(low))
                            {
                                builder.Append(unit).Append(low);
                                break;
                            }

                            // Go replaces the unpaired half and then reads the second escape on its own.
                            position = save;
                            builder.Append('\uFFFD');
                            break;
                        }

                        builder.Append(char.IsSurrogate(unit) ? '\uFFFD' : unit);
                        break;
                    default:
                        position--;
                        throw Error("invalid escape");
                }
            }
        }

        private char ReadHex4()
        {
            if (position + 4 > text.Length)
            {
                throw Error("truncated \\u escape");
            }

            var value = 0;
            for (var i = 0; i < 4; i++)
            {
                var c = text[position++];
                int digit = c switch
                {
                    >= '0' and <= '9' => c - '0',
                    >= 'a' and <= 'f' => c - 'a' + 10,
                    >= 'A' and <= 'F' => c - 'A' + 10,
                    _ => -1,
                };
                if (digit < 0)
                {
                    position--;
                    throw Error("invalid \\u escape");
                }

                value = (value << 4) | digit;
            }

            return (char)value;
        }

        private double ReadNumber()
        {
            var start = position;
            if (Peek() == '-')
            {
                position++;
            }

            if (Peek() == '0')
            {
                position++;
            }
            else if (IsDigit(Peek()) && Peek() != '0')
            {
                SkipDigits();
            }
            else
            {
                throw Error("invalid character looking for a value");
            }

            if (Peek() == '.')
            {
                position++;
                if (!IsDigit(Peek()))
                {
                    throw Error("expected a digit after the decimal point");
                }

                SkipDigits();
            }

            if (Peek() is 'e' or 'E')
            {
                position++;
                if (Peek() is '+' or '-')
                {
                    position++;
                }

                if (!IsDigit(Peek()))
                {
                    throw Error("expected a digit in the exponent");
                }

                SkipDigits();
            }

            var literal = text.Substring(start, position - start);
            var value = double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (double.IsInfinity(value))
            {
                // strconv.ParseFloat reports a range error, which Unmarshal turns into an error.
                throw new FormatException("JSON number " + literal + " does not fit a float64.");
            }

            return value;
        }

        private void SkipDigits()
        {
            while (IsDigit(Peek()))
            {
                position++;
            }
        }

        private static bool IsDigit(char c) => c is >= '0' and <= '9';

        private char Peek() => position < text.Length ? text[position] : '\0';

        private void Expect(char c)
        {
            if (Peek() != c)
            {
                throw Error("expected '" + c + "'");
            }

            position++;
        }

        private void ReadLiteral(string literal)
        {
            if (string.CompareOrdinal(text, position, literal, 0, literal.Length) != 0)
            {
                throw Error("invalid literal");
            }

            position += literal.Length;
        }
    }
}
