using System.Text.Json;
using System.Text.Json.Serialization;

namespace FlyteSharp.Tests.Caching;

/// <summary>The shared golden cache-key vectors produced by Flyte v1.16.8's own code (TestData/ORIGIN.md).</summary>
internal static class GoldenVectors
{
    private static readonly Lazy<IReadOnlyList<GoldenVector>> All = new(Load);

    public static IReadOnlyList<GoldenVector> Vectors => All.Value;

    public static GoldenVector Get(string name) => Vectors.Single(v => v.Name == name);

    public static TheoryData<string> NamesOfKind(string kind)
    {
        var data = new TheoryData<string>();
        foreach (var vector in Vectors.Where(v => v.Kind == kind))
        {
            data.Add(vector.Name);
        }

        return data;
    }

    private static List<GoldenVector> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "cache-keys.public.json");
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<List<GoldenVector>>(stream)
            ?? throw new InvalidOperationException("The golden vector file is empty.");
    }
}

internal sealed record GoldenVector(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("input_pb_base64")] string InputPbBase64,
    [property: JsonPropertyName("ignore_vars")] IReadOnlyList<string>? IgnoreVars,
    [property: JsonPropertyName("cache_version")] string? CacheVersion,
    [property: JsonPropertyName("expected")] string? Expected,
    [property: JsonPropertyName("expected_error")] bool ExpectedError)
{
    /// <summary>The same input as proto3 JSON (null where Flyte's jsonpb cannot render it).</summary>
    [JsonPropertyName("input_json")]
    public JsonElement? InputJson { get; init; }

    public byte[] InputBytes => Convert.FromBase64String(InputPbBase64);
}
