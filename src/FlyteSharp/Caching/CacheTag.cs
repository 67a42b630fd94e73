// Mirrors flyteplugins go/tasks/pluginmachinery/catalog/hashing.go (HashLiteralMap, hashify) and
// flytepropeller pkg/controller/nodes/catalog/datacatalog/transformer.go (GenerateArtifactTagName), Flyte v1.16.8.
using Flyteidl.Core;
using FlyteSharp.Hashing;

namespace FlyteSharp.Caching;

/// <summary>
/// The DataCatalog artifact tag of a cached task execution (named apart from <c>Flyteidl.Core.ArtifactTag</c>),
/// byte-identical to flytepropeller's:
/// <c>flyte_cached-</c> + unpadded base64url of the hash of the inputs after dropping ignored names and
/// hashifying the rest (a literal that carries a <c>hash</c> stands for that hash alone).
/// </summary>
public static class CacheTag
{
    /// <summary>Every tag starts with this.</summary>
    public const string Prefix = "flyte_cached-";

    private static readonly IReadOnlyCollection<string> NoIgnoredInputs = [];

    /// <summary>The tag for <paramref name="inputs"/>; <see langword="null"/> or empty inputs give the empty map's tag.</summary>
    /// <param name="inputs">The task's inputs.</param>
    /// <param name="ignoredInputs">Input names left out of the key (exact, top-level names).</param>
    /// <exception cref="CacheKeyException">Flyte cannot compute a key for these inputs either.</exception>
    public static string Compute(LiteralMap? inputs, IReadOnlyCollection<string>? ignoredInputs = null)
    {
        Span<byte> hash = stackalloc byte[ObjectHash.Size];
        ComputeHash(inputs, ignoredInputs, hash);

        // Build the tag in one allocation: the prefix, then 43 base64url characters.
        Span<char> tag = stackalloc char[Prefix.Length + 43];
        Prefix.CopyTo(tag);
        System.Buffers.Text.Base64Url.EncodeToChars(hash, tag[Prefix.Length..]);
        return new string(tag);
    }

    /// <summary>The 32-byte hash behind the tag.</summary>
    /// <exception cref="CacheKeyException">Flyte cannot compute a key for these inputs either.</exception>
    public static void ComputeHash(LiteralMap? inputs, IReadOnlyCollection<string>? ignoredInputs, Span<byte> destination)
    {
        if (destination.Length < ObjectHash.Size)
        {
            throw new ArgumentException("The destination needs 32 bytes.", nameof(destination));
        }

        var ignored = ignoredInputs ?? NoIgnoredInputs;
        try
        {
            LiteralHashing.HashInputs(inputs, ignored, destination);
        }
        catch (InsufficientExecutionStackException exception)
        {
            throw new CacheKeyException("Cannot compute a cache key: the inputs are nested too deeply.", exception);
        }
        catch (CacheKeyException exception)
        {
            // The fast path knows what failed but not where; the descriptor-driven path names the field.
            ProtoObjectHash.Default.Compute(Hashify(inputs, ignored), destination);
            throw new CacheKeyException("Cannot compute a cache key: " + exception.Message, exception);
        }
    }

    /// <summary>
    /// The map Flyte actually hashes: ignored names dropped, and every literal hashified (a literal with a
    /// non-empty <c>hash</c> becomes a literal holding only that hash; collections and maps are rebuilt from
    /// hashified children without their own metadata; anything else is kept as it is).
    /// </summary>
    public static LiteralMap Hashify(LiteralMap? inputs, IReadOnlyCollection<string>? ignoredInputs = null)
    {
        var ignored = ignoredInputs ?? NoIgnoredInputs;
        var result = new LiteralMap();
        if (inputs is null)
        {
            return result;
        }

        foreach (var (name, literal) in inputs.Literals)
        {
            if (!ignored.Contains(name, StringComparer.Ordinal))
            {
                result.Literals.Add(name, HashifyLiteral(literal));
            }
        }

        return result;
    }

    /// <summary>
    /// Everything that went into the tag, for <c>--explain</c>-style output: the canonical JSON Flyte hashes and each
    /// input's own hash. Slower than <see cref="Compute"/>; not for the hot path.
    /// </summary>
    /// <exception cref="CacheKeyException">Flyte cannot compute a key for these inputs either.</exception>
    public static CacheTagExplanation Explain(LiteralMap? inputs, IReadOnlyCollection<string>? ignoredInputs = null)
    {
        var ignored = ignoredInputs ?? NoIgnoredInputs;
        var hashified = Hashify(inputs, ignored);
        var tag = Prefix + Base64Url.Encode(ProtoObjectHash.Default.Compute(hashified));
        var perInput = new List<InputHash>();
        foreach (var (name, literal) in inputs?.Literals ?? [])
        {
            if (ignored.Contains(name, StringComparer.Ordinal))
            {
                perInput.Add(new InputHash(name, Ignored: true, Hash: null, CanonicalJson: null));
                continue;
            }

            var own = hashified.Literals[name];
            perInput.Add(new InputHash(name, Ignored: false, Base64Url.Encode(ProtoObjectHash.Default.Compute(own)), CanonicalJson.Render(own)));
        }

        perInput.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return new CacheTagExplanation(tag, CanonicalJson.Render(hashified), perInput);
    }

    private static Literal HashifyLiteral(Literal literal)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        if (literal.Hash.Length > 0)
        {
            return new Literal { Hash = literal.Hash };
        }

        switch (literal.ValueCase)
        {
            case Literal.ValueOneofCase.Collection:
                var collection = new LiteralCollection();
                foreach (var element in literal.Collection.Literals)
                {
                    collection.Literals.Add(HashifyLiteral(element));
                }

                return new Literal { Collection = collection };
            case Literal.ValueOneofCase.Map:
                var map = new LiteralMap();
                foreach (var (key, value) in literal.Map.Literals)
                {
                    map.Literals.Add(key, HashifyLiteral(value));
                }

                return new Literal { Map = map };
            default:
                return literal;
        }
    }
}

/// <summary>What went into an artifact tag.</summary>
/// <param name="Tag">The tag, as <see cref="CacheTag.Compute"/> returns it.</param>
/// <param name="CanonicalJson">The hashified inputs as Flyte's jsonpb renders them: the text whose objecthash is the tag.</param>
/// <param name="Inputs">Each input by name (ordinal order), ignored ones included.</param>
public sealed record CacheTagExplanation(string Tag, string CanonicalJson, IReadOnlyList<InputHash> Inputs);

/// <summary>One input's part in an artifact tag.</summary>
/// <param name="Name">The input name.</param>
/// <param name="Ignored">Whether the task ignores it for caching.</param>
/// <param name="Hash">The unpadded base64url hash of its hashified literal (null when ignored).</param>
/// <param name="CanonicalJson">Its hashified literal as Flyte's jsonpb renders it (null when ignored).</param>
public sealed record InputHash(string Name, bool Ignored, string? Hash, string? CanonicalJson);
