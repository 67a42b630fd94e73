using System.Globalization;
using Flyteidl.Core;
using FlyteSharp.Typing;

namespace FlyteSharp.Literals.Codecs;

/// <summary><c>T[]</c> as a Flyte collection.</summary>
internal sealed class ArrayCodec<TElement>(Codec<TElement> element) : Codec<TElement[]>(new CollectionType(element.Type))
{
    protected override Literal Write(TElement[] value)
    {
        var collection = new LiteralCollection();
        for (var i = 0; i < value.Length; i++)
        {
            collection.Literals.Add(CollectionElements.Encode(element, value[i], i));
        }

        return new Literal { Collection = collection };
    }

    protected override TElement[] Read(Literal literal)
    {
        if (literal.ValueCase != Literal.ValueOneofCase.Collection)
        {
            throw Mismatch(literal, "a collection literal");
        }

        var literals = literal.Collection.Literals;
        var result = new TElement[literals.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = CollectionElements.Decode(element, literals[i], i);
        }

        return result;
    }
}

/// <summary>
/// <c>List&lt;T&gt;</c> and the list interfaces (<c>IList</c>, <c>IReadOnlyList</c>, <c>ICollection</c>,
/// <c>IReadOnlyCollection</c>, <c>IEnumerable</c>) as a Flyte collection; reads give a <c>List&lt;T&gt;</c>.
/// </summary>
internal sealed class SequenceCodec<TSequence, TElement>(Codec<TElement> element) : Codec<TSequence>(new CollectionType(element.Type))
    where TSequence : class, IEnumerable<TElement>
{
    protected override Literal Write(TSequence value)
    {
        var collection = new LiteralCollection();
        if (value is IReadOnlyList<TElement> list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                collection.Literals.Add(CollectionElements.Encode(element, list[i], i));
            }
        }
        else
        {
            var i = 0;
            foreach (var item in value)
            {
                collection.Literals.Add(CollectionElements.Encode(element, item, i++));
            }
        }

        return new Literal { Collection = collection };
    }

    protected override TSequence Read(Literal literal)
    {
        if (literal.ValueCase != Literal.ValueOneofCase.Collection)
        {
            throw Mismatch(literal, "a collection literal");
        }

        var literals = literal.Collection.Literals;
        var result = new List<TElement>(literals.Count);
        for (var i = 0; i < literals.Count; i++)
        {
            result.Add(CollectionElements.Decode(element, literals[i], i));
        }

        return (TSequence)(object)result;
    }
}

/// <summary>
/// <c>Dictionary&lt;string, T&gt;</c>, <c>IDictionary</c> and <c>IReadOnlyDictionary</c> as a Flyte map (string keys);
/// reads give a <c>Dictionary&lt;string, T&gt;</c> with ordinal keys.
/// </summary>
internal sealed class MapCodec<TMap, TValue>(Codec<TValue> valueCodec) : Codec<TMap>(new MapType(valueCodec.Type))
    where TMap : class, IEnumerable<KeyValuePair<string, TValue>>
{
    protected override Literal Write(TMap value)
    {
        var map = new LiteralMap();
        foreach (var (key, item) in value)
        {
            try
            {
                map.Literals.Add(key, valueCodec.Encode(item));
            }
            catch (FlyteTypeException e)
            {
                throw e.WithParentPath(CollectionElements.KeyPath(key));
            }
        }

        return new Literal { Map = map };
    }

    protected override TMap Read(Literal literal)
    {
        if (literal.ValueCase != Literal.ValueOneofCase.Map)
        {
            throw Mismatch(literal, "a map literal");
        }

        var result = new Dictionary<string, TValue>(literal.Map.Literals.Count, StringComparer.Ordinal);
        foreach (var (key, item) in literal.Map.Literals)
        {
            try
            {
                result.Add(key, valueCodec.Decode(item));
            }
            catch (FlyteTypeException e)
            {
                throw e.WithParentPath(CollectionElements.KeyPath(key));
            }
        }

        return (TMap)(object)result;
    }
}

/// <summary>Element conversion that names the failing position: <c>[3]</c>, <c>["key"]</c>.</summary>
internal static class CollectionElements
{
    public static Literal Encode<TElement>(Codec<TElement> codec, TElement value, int index)
    {
        try
        {
            return codec.Encode(value);
        }
        catch (FlyteTypeException e)
        {
            throw e.WithParentPath(IndexPath(index));
        }
    }

    public static TElement Decode<TElement>(Codec<TElement> codec, Literal literal, int index)
    {
        try
        {
            return codec.Decode(literal);
        }
        catch (FlyteTypeException e)
        {
            throw e.WithParentPath(IndexPath(index));
        }
    }

    public static string IndexPath(int index) => "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    public static string KeyPath(string key) => "[\"" + key + "\"]";
}
