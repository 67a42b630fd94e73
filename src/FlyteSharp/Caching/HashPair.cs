using System.Runtime.CompilerServices;

namespace FlyteSharp.Caching;

/// <summary>One SHA-256 value, inline (no array), so hashes live on the stack or in pooled buffers.</summary>
[InlineArray(32)]
internal struct Hash32
{
    private byte element;
}

/// <summary>An object entry: key hash then value hash, the 64 bytes objecthash feeds per entry.</summary>
internal struct HashPair
{
    public Hash32 Key;
    public Hash32 Value;
}

/// <summary>objecthash's entry order: by key hash bytes (keys are distinct, so the value never decides).</summary>
internal static class HashPairOrder
{
    // One cached delegate: sorting through a struct comparer would box it (and allocate) on every call.
    public static readonly Comparison<HashPair> ByKey = Compare;

    private static int Compare(HashPair x, HashPair y)
    {
        ReadOnlySpan<byte> left = x.Key;
        var order = left.SequenceCompareTo(y.Key);
        if (order != 0)
        {
            return order;
        }

        ReadOnlySpan<byte> leftValue = x.Value;
        return leftValue.SequenceCompareTo(y.Value);
    }
}
