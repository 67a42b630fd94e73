using System.Text;
using System.Runtime.InteropServices;
using FlyteSharp.Hashing;

namespace FlyteSharp.Caching;

/// <summary>
/// Hashes the jsonpb value as objecthash's <c>CommonJSONHash</c> would after Go re-parses the text: every number a
/// float64 (a float32 first goes through its 32-bit shortest text), strings raw UTF-8, objects ordered by key hash.
/// </summary>
internal sealed class ObjectHashSink : IJsonpbSink
{
    private readonly Stack<Container> open = new();
    private readonly Stack<Container> spare = new();
    private Hash32 pendingKey;
    private Hash32 result;
    private bool hasResult;

    /// <summary>Copies the finished hash into <paramref name="destination"/> and readies the sink for reuse.</summary>
    public void TakeResult(Span<byte> destination)
    {
        if (!hasResult || open.Count != 0)
        {
            throw new InvalidOperationException("The JSON value is not complete.");
        }

        ((ReadOnlySpan<byte>)result).CopyTo(destination);
        hasResult = false;
    }

    /// <summary>Drops any half-built state after a failure.</summary>
    public void Reset()
    {
        while (open.Count > 0)
        {
            Recycle(open.Pop());
        }

        hasResult = false;
    }

    public void BeginObject() => Open(isObject: true);

    public void BeginArray() => Open(isObject: false);

    public void Key(string name) => KeyHashCache.Hash(name, pendingKey);

    public void EndObject()
    {
        var container = open.Pop();
        var entries = CollectionsMarshal.AsSpan(container.Entries);
        entries.Sort(HashPairOrder.ByKey);
        Span<byte> hash = stackalloc byte[ObjectHash.Size];
        ObjectHashDigest.Compute(ObjectHash.DictionaryTag, MemoryMarshal.AsBytes(entries), hash);
        pendingKey = container.KeyInParent;
        Recycle(container);
        Deliver(hash);
    }

    public void EndArray()
    {
        var container = open.Pop();
        Span<byte> hash = stackalloc byte[ObjectHash.Size];
        ObjectHashDigest.Compute(ObjectHash.ListTag, MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(container.Elements)), hash);
        pendingKey = container.KeyInParent;
        Recycle(container);
        Deliver(hash);
    }

    public void Null()
    {
        Span<byte> hash = stackalloc byte[ObjectHash.Size];
        LeafHash.OfNull(hash);
        Deliver(hash);
    }

    public void Boolean(bool value)
    {
        Span<byte> hash = stackalloc byte[ObjectHash.Size];
        LeafHash.OfBoolean(value, hash);
        Deliver(hash);
    }

    public void String(string value)
    {
        Span<byte> hash = stackalloc byte[ObjectHash.Size];
        LeafHash.OfString(value, hash);
        Deliver(hash);
    }

    public void Number(double value, bool isFloat32)
    {
        Span<byte> hash = stackalloc byte[ObjectHash.Size];
        LeafHash.OfFloat(isFloat32 ? JsonpbText.Float32AsParsed((float)value) : value, hash);
        Deliver(hash);
    }

    private void Open(bool isObject)
    {
        var container = spare.Count > 0 ? spare.Pop() : new Container();
        container.IsObject = isObject;

        // Keys inside the new container overwrite the pending key; keep the one this container is the value of.
        container.KeyInParent = pendingKey;
        open.Push(container);
    }

    private void Deliver(ReadOnlySpan<byte> hash)
    {
        if (open.Count == 0)
        {
            hash.CopyTo(result);
            hasResult = true;
            return;
        }

        var parent = open.Peek();
        if (parent.IsObject)
        {
            var entry = default(HashPair);
            ((ReadOnlySpan<byte>)pendingKey).CopyTo(entry.Key);
            hash.CopyTo(entry.Value);
            parent.Entries.Add(entry);
        }
        else
        {
            var element = default(Hash32);
            hash.CopyTo(element);
            parent.Elements.Add(element);
        }
    }

    private void Recycle(Container container)
    {
        container.Entries.Clear();
        container.Elements.Clear();
        spare.Push(container);
    }

    private sealed class Container
    {
        public bool IsObject { get; set; }

        public Hash32 KeyInParent;

        public List<HashPair> Entries { get; } = [];

        public List<Hash32> Elements { get; } = [];
    }
}

/// <summary>Writes the jsonpb value as the compact text Go's <c>jsonpb.Marshaler{}</c> produces.</summary>
internal sealed class JsonTextSink : IJsonpbSink
{
    private readonly StringBuilder text = new();

    // Per open container: whether nothing has been written in it yet (so no comma is due).
    private readonly Stack<bool> empty = new();
    private bool afterKey;

    public override string ToString() => text.ToString();

    public void BeginObject() => Open('{');

    public void BeginArray() => Open('[');

    public void EndObject() => Close('}');

    public void EndArray() => Close(']');

    public void Key(string name)
    {
        Separate();
        JsonpbText.AppendString(text, name);
        text.Append(':');
        afterKey = true;
    }

    public void Null() => Scalar("null");

    public void Boolean(bool value) => Scalar(value ? "true" : "false");

    public void String(string value)
    {
        BeforeValue();
        JsonpbText.AppendString(text, value);
    }

    public void Number(double value, bool isFloat32) => Scalar(JsonpbText.Number(value, isFloat32));

    private void Scalar(string literal)
    {
        BeforeValue();
        text.Append(literal);
    }

    private void Open(char bracket)
    {
        BeforeValue();
        text.Append(bracket);
        empty.Push(true);
    }

    private void Close(char bracket)
    {
        empty.Pop();
        text.Append(bracket);
    }

    // An object member's value follows its key directly; an array element may need a comma.
    private void BeforeValue()
    {
        if (afterKey)
        {
            afterKey = false;
            return;
        }

        Separate();
    }

    private void Separate()
    {
        if (empty.Count == 0)
        {
            return;
        }

        if (!empty.Peek())
        {
            text.Append(',');
        }

        empty.Pop();
        empty.Push(false);
    }
}
