using System.Buffers;
using System.Runtime.InteropServices;
using FlyteSharp.Hashing;

namespace FlyteSharp.Caching;

/// <summary>
/// Collects an object's entries (key hash, value hash) and digests them in objecthash order. Starts in a
/// caller-provided stack buffer and moves to a pooled array only when an object has more entries than that.
/// </summary>
internal ref struct DictionaryHash
{
    private Span<HashPair> entries;
    private HashPair[]? rented;
    private int count;

    public DictionaryHash(Span<HashPair> initial)
    {
        entries = initial;
        rented = null;
        count = 0;
    }

    /// <summary>Adds an entry with <paramref name="keyHash"/> and returns the 32 bytes its value hash goes to.</summary>
    public Span<byte> Add(scoped ReadOnlySpan<byte> keyHash)
    {
        if (count == entries.Length)
        {
            Grow();
        }

        ref var entry = ref entries[count++];
        keyHash.CopyTo(entry.Key);
        return entry.Value;
    }

    /// <summary>Adds an entry whose key is the string <paramref name="key"/> and returns the slot for its value hash.</summary>
    public Span<byte> Add(string key)
    {
        if (count == entries.Length)
        {
            Grow();
        }

        ref var entry = ref entries[count++];
        KeyHashCache.Hash(key, entry.Key);
        return entry.Value;
    }

    /// <summary>Sorts the entries, writes the object's hash to <paramref name="destination"/>, and returns any pooled buffer.</summary>
    public void Complete(scoped Span<byte> destination)
    {
        var used = entries[..count];
        if (count > 1)
        {
            used.Sort(HashPairOrder.ByKey);
        }

        ObjectHashDigest.Compute(ObjectHash.DictionaryTag, MemoryMarshal.AsBytes(used), destination);
        if (rented is not null)
        {
            ArrayPool<HashPair>.Shared.Return(rented);
            rented = null;
        }
    }

    private void Grow()
    {
        var larger = ArrayPool<HashPair>.Shared.Rent(Math.Max(16, entries.Length * 2));
        entries[..count].CopyTo(larger);
        if (rented is not null)
        {
            ArrayPool<HashPair>.Shared.Return(rented);
        }

        rented = larger;
        entries = larger;
    }
}

/// <summary>Collects a list's element hashes in order and digests them; pooled when longer than the stack buffer.</summary>
internal ref struct ListHash
{
    private readonly Span<Hash32> elements;
    private readonly Hash32[]? rented;
    private int count;

    public ListHash(int length, Span<Hash32> initial)
    {
        if (length <= initial.Length)
        {
            elements = initial[..length];
            rented = null;
        }
        else
        {
            rented = ArrayPool<Hash32>.Shared.Rent(length);
            elements = rented.AsSpan(0, length);
        }

        count = 0;
    }

    /// <summary>The 32 bytes the next element's hash goes to.</summary>
    public Span<byte> Next() => elements[count++];

    /// <summary>Writes the list's hash to <paramref name="destination"/> and returns any pooled buffer.</summary>
    public readonly void Complete(scoped Span<byte> destination)
    {
        ObjectHashDigest.Compute(ObjectHash.ListTag, MemoryMarshal.AsBytes(elements[..count]), destination);
        if (rented is not null)
        {
            ArrayPool<Hash32>.Shared.Return(rented);
        }
    }
}

/// <summary>
/// Remembers the hashes of recently seen object keys (input names, map keys, Struct field names), which repeat
/// within a tag (a list of records) and across tags (the same task called again). A key's hash depends on the key
/// alone, so a hit is exact. Per thread, direct-mapped, fixed size: no locks and no growth.
/// </summary>
internal static class KeyHashCache
{
    private const int Slots = 256;
    private const int MaxKeyLength = 64;

    [ThreadStatic]
    private static Slot[]? slots;

    public static void Hash(string key, Span<byte> destination)
    {
        if (key.Length > MaxKeyLength)
        {
            LeafHash.OfString(key, destination);
            return;
        }

        var table = slots ??= new Slot[Slots];
        ref var slot = ref table[key.GetHashCode() & (Slots - 1)];
        if (!string.Equals(slot.Key, key, StringComparison.Ordinal))
        {
            LeafHash.OfString(key, slot.Hash);
            slot.Key = key;
        }

        ((ReadOnlySpan<byte>)slot.Hash).CopyTo(destination);
    }

    private struct Slot
    {
        public string? Key;
        public Hash32 Hash;
    }
}

/// <summary>objecthash leaves (strings, numbers, booleans, null) straight into a destination span.</summary>
internal static class LeafHash
{
    private const int StackLimit = 256;

    /// <summary>The hash of a string: tag <c>u</c> and its UTF-8 bytes (an unpaired surrogate becomes U+FFFD).</summary>
    public static void OfString(string value, Span<byte> destination)
    {
        var maxBytes = value.Length * 3;
        if (maxBytes <= StackLimit)
        {
            Span<byte> buffer = stackalloc byte[StackLimit];
            var length = System.Text.Encoding.UTF8.GetBytes(value, buffer);
            ObjectHashDigest.Compute(ObjectHash.StringTag, buffer[..length], destination);
            return;
        }

        var pooled = ArrayPool<byte>.Shared.Rent(System.Text.Encoding.UTF8.GetMaxByteCount(value.Length));
        var written = System.Text.Encoding.UTF8.GetBytes(value, pooled);
        ObjectHashDigest.Compute(ObjectHash.StringTag, pooled.AsSpan(0, written), destination);
        ArrayPool<byte>.Shared.Return(pooled);
    }

    /// <summary>The hash of a string given as ASCII/UTF-8 bytes.</summary>
    public static void OfUtf8(ReadOnlySpan<byte> utf8, Span<byte> destination) =>
        ObjectHashDigest.Compute(ObjectHash.StringTag, utf8, destination);

    /// <summary>The hash of a JSON number (always a float64 after Go's parse).</summary>
    public static void OfFloat(double value, Span<byte> destination)
    {
        Span<byte> text = stackalloc byte[64];
        var length = WriteNormalizedFloat(value, text);
        ObjectHashDigest.Compute(ObjectHash.FloatTag, text[..length], destination);
    }

    /// <summary>The hash of a JSON boolean.</summary>
    public static void OfBoolean(bool value, Span<byte> destination)
    {
        var body = value ? (byte)'1' : (byte)'0';
        ObjectHashDigest.Compute(ObjectHash.BooleanTag, new ReadOnlySpan<byte>(in body), destination);
    }

    /// <summary>The hash of JSON null.</summary>
    public static void OfNull(Span<byte> destination) =>
        ObjectHashDigest.Compute(ObjectHash.NullTag, ReadOnlySpan<byte>.Empty, destination);

    private static int WriteNormalizedFloat(double value, Span<byte> text)
    {
        if (!double.IsFinite(value))
        {
            var name = double.IsNaN(value) ? "NaN"u8 : value > 0 ? "Infinity"u8 : "-Infinity"u8;
            name.CopyTo(text);
            return name.Length;
        }

        var parts = FloatNormalization.Decompose(value);
        var length = 0;
        text[length++] = parts.Negative ? (byte)'-' : (byte)'+';
        parts.Exponent.TryFormat(text[length..], out var written, provider: System.Globalization.CultureInfo.InvariantCulture);
        length += written;
        text[length++] = (byte)':';
        for (var i = parts.DigitCount - 1; i >= 0; i--)
        {
            text[length++] = ((parts.Digits >> i) & 1) == 1 ? (byte)'1' : (byte)'0';
        }

        return length;
    }
}
