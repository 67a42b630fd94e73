using Flyteidl.Core;

namespace FlyteSharp.Running;

/// <summary>Finds and rewrites the blob URIs inside literals, at any depth (collections, maps, unions).</summary>
internal static class BlobReferences
{
    /// <summary>Every blob in <paramref name="map"/> with its path (<c>outputs.o0[2]</c>) and URI.</summary>
    public static IEnumerable<(string Path, string Uri)> Enumerate(LiteralMap map)
    {
        foreach (var (name, literal) in map.Literals.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            foreach (var found in Enumerate(literal, "outputs." + name))
            {
                yield return found;
            }
        }
    }

    private static IEnumerable<(string Path, string Uri)> Enumerate(Literal literal, string path)
    {
        switch (literal.ValueCase)
        {
            case Literal.ValueOneofCase.Scalar when literal.Scalar.ValueCase == Scalar.ValueOneofCase.Blob:
                yield return (path, literal.Scalar.Blob.Uri);
                break;
            case Literal.ValueOneofCase.Scalar when literal.Scalar.ValueCase == Scalar.ValueOneofCase.Union && literal.Scalar.Union.Value is not null:
                foreach (var found in Enumerate(literal.Scalar.Union.Value, path))
                {
                    yield return found;
                }

                break;
            case Literal.ValueOneofCase.Collection:
                for (var i = 0; i < literal.Collection.Literals.Count; i++)
                {
                    foreach (var found in Enumerate(literal.Collection.Literals[i], $"{path}[{i}]"))
                    {
                        yield return found;
                    }
                }

                break;
            case Literal.ValueOneofCase.Map:
                foreach (var (key, value) in literal.Map.Literals.OrderBy(pair => pair.Key, StringComparer.Ordinal))
                {
                    foreach (var found in Enumerate(value, $"{path}[\"{key}\"]"))
                    {
                        yield return found;
                    }
                }

                break;
        }
    }

    /// <summary>
    /// Returns a copy of <paramref name="map"/> in which every blob URI has been replaced by <paramref name="rewrite"/>
    /// (called once per blob, with its dimensionality). The input is not modified.
    /// </summary>
    public static async Task<LiteralMap> RewriteAsync(LiteralMap map, Func<Blob, Task<string>> rewrite)
    {
        var copy = map.Clone();
        foreach (var literal in copy.Literals.Values)
        {
            await RewriteAsync(literal, rewrite).ConfigureAwait(false);
        }

        return copy;
    }

    private static async Task RewriteAsync(Literal literal, Func<Blob, Task<string>> rewrite)
    {
        switch (literal.ValueCase)
        {
            case Literal.ValueOneofCase.Scalar when literal.Scalar.ValueCase == Scalar.ValueOneofCase.Blob:
                literal.Scalar.Blob.Uri = await rewrite(literal.Scalar.Blob).ConfigureAwait(false);
                break;
            case Literal.ValueOneofCase.Scalar when literal.Scalar.ValueCase == Scalar.ValueOneofCase.Union && literal.Scalar.Union.Value is not null:
                await RewriteAsync(literal.Scalar.Union.Value, rewrite).ConfigureAwait(false);
                break;
            case Literal.ValueOneofCase.Collection:
                foreach (var item in literal.Collection.Literals)
                {
                    await RewriteAsync(item, rewrite).ConfigureAwait(false);
                }

                break;
            case Literal.ValueOneofCase.Map:
                foreach (var item in literal.Map.Literals.Values)
                {
                    await RewriteAsync(item, rewrite).ConfigureAwait(false);
                }

                break;
        }
    }
}
