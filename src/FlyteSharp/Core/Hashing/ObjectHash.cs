// Mirrors benlaurie/objecthash go/objecthash/objecthash.go at d1e3d6079fc1 (the commit Flyte v1.16.8 pins),
// restricted to the values CommonJSONHash can meet: JSON parsed by Go's encoding/json into interface{}.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace FlyteSharp.Hashing;

/// <summary>
/// Ben Laurie's objecthash over "common JSON" values, SHA-256 based, exactly as Flyte's <c>pbhash</c> uses it.
/// Each value hashes as SHA-256 of a one-byte tag and a body: <c>n</c> null (empty body), <c>b</c> boolean
/// (<c>0</c>/<c>1</c>), <c>u</c> string (raw UTF-8, no normalization), <c>f</c> number (every JSON number is a
/// float64, body from <see cref="FloatNormalization"/>), <c>l</c> list (the element hashes in order), <c>d</c>
/// object (key hash then value hash per entry, entries ordered by those bytes).
/// </summary>
/// <remarks>
/// This is the portable reference implementation (it also runs inside the source generator); the runtime hashes
/// protobuf messages and literals straight into SHA-256 without building these values.
/// </remarks>
public static class ObjectHash
{
    /// <summary>Length of every hash in bytes (SHA-256).</summary>
    public const int Size = 32;

    /// <summary>Tag byte of null.</summary>
    public const byte NullTag = (byte)'n';

    /// <summary>Tag byte of a boolean.</summary>
    public const byte BooleanTag = (byte)'b';

    /// <summary>Tag byte of a string.</summary>
    public const byte StringTag = (byte)'u';

    /// <summary>Tag byte of a number.</summary>
    public const byte FloatTag = (byte)'f';

    /// <summary>Tag byte of a list.</summary>
    public const byte ListTag = (byte)'l';

    /// <summary>Tag byte of an object.</summary>
    public const byte DictionaryTag = (byte)'d';

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

#if !NET
    [ThreadStatic]
    private static SHA256? sha256;
#endif

    /// <summary>The hash of JSON <c>null</c>.</summary>
    public static byte[] OfNull() => Digest(NullTag, Array.Empty<byte>(), 0, 0);

    /// <summary>The hash of a boolean.</summary>
    public static byte[] OfBoolean(bool value) => Digest(BooleanTag, new[] { value ? (byte)'1' : (byte)'0' }, 0, 1);

    /// <summary>The hash of a string: its UTF-8 bytes as they are (an unpaired surrogate becomes U+FFFD).</summary>
    public static byte[] OfString(string value)
    {
        _ = value ?? throw new ArgumentNullException(nameof(value));

        var bytes = Utf8.GetBytes(value);
        return Digest(StringTag, bytes, 0, bytes.Length);
    }

    /// <summary>The hash of a number. Both zeros hash alike; NaN and the infinities hash as objecthash names them.</summary>
    public static byte[] OfFloat(double value)
    {
        var buffer = new byte[FloatNormalization.MaxLength];
        var length = FloatNormalization.Write(value, buffer);
        return Digest(FloatTag, buffer, 0, length);
    }

    /// <summary>The hash of a list, from its elements' hashes in order.</summary>
    public static byte[] OfList(IEnumerable<byte[]> elementHashes)
    {
        _ = elementHashes ?? throw new ArgumentNullException(nameof(elementHashes));

        var body = new List<byte>();
        foreach (var hash in elementHashes)
        {
            body.AddRange(CheckHash(hash, nameof(elementHashes)));
        }

        var bytes = body.ToArray();
        return Digest(ListTag, bytes, 0, bytes.Length);
    }

    /// <summary>The hash of an object, from its entries' key and value hashes (in any order).</summary>
    public static byte[] OfDictionary(IEnumerable<KeyValuePair<byte[], byte[]>> entryHashes)
    {
        _ = entryHashes ?? throw new ArgumentNullException(nameof(entryHashes));

        var entries = new List<byte[]>();
        foreach (var entry in entryHashes)
        {
            var pair = new byte[2 * Size];
            Buffer.BlockCopy(CheckHash(entry.Key, nameof(entryHashes)), 0, pair, 0, Size);
            Buffer.BlockCopy(CheckHash(entry.Value, nameof(entryHashes)), 0, pair, Size, Size);
            entries.Add(pair);
        }

        // Upstream orders by the key hash alone; keys of an object are distinct, so this is the same order.
        entries.Sort(CompareBytes);
        var body = new byte[entries.Count * 2 * Size];
        for (var i = 0; i < entries.Count; i++)
        {
            Buffer.BlockCopy(entries[i], 0, body, i * 2 * Size, 2 * Size);
        }

        return Digest(DictionaryTag, body, 0, body.Length);
    }

    /// <summary>
    /// The hash of a common JSON value: <see langword="null"/>, <see cref="bool"/>, <see cref="string"/>, a number
    /// (<see cref="double"/>, or <see cref="int"/>/<see cref="long"/> taken as the double they convert to),
    /// an <see cref="IDictionary{TKey, TValue}"/> of string keys, or any other <see cref="IEnumerable"/> as a list.
    /// </summary>
    public static byte[] OfValue(object? value)
    {
        switch (value)
        {
            case null:
                return OfNull();
            case bool b:
                return OfBoolean(b);
            case string s:
                return OfString(s);
            case double d:
                return OfFloat(d);
            case int i:
                return OfFloat(i);
            case long l:
                return OfFloat(l);
            case IDictionary<string, object?> dictionary:
                var entries = new List<KeyValuePair<byte[], byte[]>>(dictionary.Count);
                foreach (var entry in dictionary)
                {
                    entries.Add(new KeyValuePair<byte[], byte[]>(OfString(entry.Key), OfValue(entry.Value)));
                }

                return OfDictionary(entries);
            case IEnumerable list:
                var elements = new List<byte[]>();
                foreach (var element in list)
                {
                    elements.Add(OfValue(element));
                }

                return OfList(elements);
            default:
                throw new ArgumentException("objecthash of common JSON has no rule for a value of type " + value.GetType().FullName + ".", nameof(value));
        }
    }

    /// <summary>
    /// objecthash's <c>CommonJSONHash</c>: parses <paramref name="json"/> the way Go's <c>encoding/json</c> does
    /// (every number a float64) and hashes the result.
    /// </summary>
    /// <exception cref="FormatException">The text is not valid JSON, or holds a number beyond float64.</exception>
    public static byte[] OfJson(string json) => OfValue(CommonJson.Parse(json));

    /// <summary>SHA-256 of <paramref name="tag"/> followed by <paramref name="count"/> bytes of <paramref name="body"/>.</summary>
    internal static byte[] Digest(byte tag, byte[] body, int offset, int count)
    {
        var input = new byte[count + 1];
        input[0] = tag;
        Buffer.BlockCopy(body, offset, input, 1, count);
#if NET
        return SHA256.HashData(input);
#else
        sha256 ??= SHA256.Create();
        return sha256.ComputeHash(input);
#endif
    }

    private static byte[] CheckHash(byte[] hash, string parameterName)
    {
        if (hash is null || hash.Length != Size)
        {
            throw new ArgumentException("Every hash must be 32 bytes long.", parameterName);
        }

        return hash;
    }

    private static int CompareBytes(byte[] left, byte[] right)
    {
        for (var i = 0; i < left.Length; i++)
        {
            var difference = left[i].CompareTo(right[i]);
            if (difference != 0)
            {
                return difference;
            }
        }

        return 0;
    }
}
