using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Flyteidl.Core;
using FlyteSharp.Caching;
using FlyteSharp.Hashing;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace FlyteSharp.Benchmarks;

/// <summary>
/// Cache tags per second and bytes allocated per tag, for three input shapes. The baseline is what a careful
/// first implementation would do: render the hashified inputs with Google.Protobuf's <c>JsonFormatter</c>,
/// parse the text with System.Text.Json and objecthash the document with the BCL's one-shot SHA-256.
/// <c>DirectHasher</c> is <see cref="CacheTag.Compute"/>; <c>DescriptorHasher</c> is the
/// descriptor-driven <see cref="ProtoObjectHash"/> over the hashified map. All three give the same tag (checked
/// in setup). <see cref="Sha256"/> <c>bcl</c> reruns everything with the native SHA-256 binding switched off
/// (the baseline always uses the BCL).
/// </summary>
[MemoryDiagnoser]
public class TagBenchmarks
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default);

    private LiteralMap inputs = null!;

    [Params("10 mixed scalars and blobs", "100,000 integers", "deeply nested Struct")]
    public string Shape { get; set; } = string.Empty;

    [Params("native", "bcl")]
    public string Sha256 { get; set; } = "native";

    [GlobalSetup]
    public void Setup()
    {
        ObjectHashDigest.UsesNativeLibCrypto = Sha256 == "native";
        if (ObjectHashDigest.UsesNativeLibCrypto != (Sha256 == "native"))
        {
            throw new InvalidOperationException("The native SHA-256 binding is not available on this machine.");
        }

        inputs = Shape switch
        {
            "10 mixed scalars and blobs" => InputShapes.MixedScalarsAndBlobs(),
            "100,000 integers" => InputShapes.Integers(100_000),
            _ => InputShapes.NestedStruct(depth: 32),
        };

        var direct = DirectHasher();
        if (direct != JsonFormatterBaseline() || direct != DescriptorHasher())
        {
            throw new InvalidOperationException("The baseline and the hashers disagree on the tag for " + Shape + ".");
        }
    }

    [Benchmark(Baseline = true)]
    public string JsonFormatterBaseline()
    {
        var json = Formatter.Format(CacheTag.Hashify(inputs));
        using var document = JsonDocument.Parse(json);
        Span<byte> hash = stackalloc byte[32];
        JsonObjectHash.Hash(document.RootElement, hash);
        return CacheTag.Prefix + Base64Url.Encode(hash.ToArray());
    }

    [Benchmark]
    public string DirectHasher() => CacheTag.Compute(inputs);

    [Benchmark]
    public string DescriptorHasher() => CacheTag.Prefix + Base64Url.Encode(ProtoObjectHash.Default.Compute(CacheTag.Hashify(inputs)));
}

/// <summary>The baseline's objecthash of a parsed JSON document: BCL one-shot SHA-256, every key hashed as met.</summary>
internal static class JsonObjectHash
{
    public static void Hash(JsonElement element, Span<byte> destination)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var entries = new List<byte[]>();
                foreach (var property in element.EnumerateObject())
                {
                    var entry = new byte[64];
                    HashString(property.Name, entry.AsSpan(0, 32));
                    Hash(property.Value, entry.AsSpan(32, 32));
                    entries.Add(entry);
                }

                entries.Sort((a, b) => a.AsSpan().SequenceCompareTo(b));
                var body = new byte[1 + (64 * entries.Count)];
                body[0] = (byte)'d';
                for (var i = 0; i < entries.Count; i++)
                {
                    entries[i].CopyTo(body, 1 + (64 * i));
                }

                SHA256.HashData(body, destination);
                return;
            case JsonValueKind.Array:
                var list = new byte[1 + (32 * element.GetArrayLength())];
                list[0] = (byte)'l';
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Hash(item, list.AsSpan(1 + (32 * index++), 32));
                }

                SHA256.HashData(list, destination);
                return;
            case JsonValueKind.String:
                HashString(element.GetString()!, destination);
                return;
            case JsonValueKind.Number:
                Span<byte> text = stackalloc byte[80];
                text[0] = (byte)'f';
                var length = Encoding.ASCII.GetBytes(FloatNormalization.Normalize(element.GetDouble()), text[1..]);
                SHA256.HashData(text[..(length + 1)], destination);
                return;
            case JsonValueKind.True or JsonValueKind.False:
                SHA256.HashData(element.ValueKind == JsonValueKind.True ? "b1"u8 : "b0"u8, destination);
                return;
            default:
                SHA256.HashData("n"u8, destination);
                return;
        }
    }

    private static void HashString(string value, Span<byte> destination)
    {
        var bytes = new byte[1 + Encoding.UTF8.GetByteCount(value)];
        bytes[0] = (byte)'u';
        Encoding.UTF8.GetBytes(value, bytes.AsSpan(1));
        SHA256.HashData(bytes, destination);
    }
}

/// <summary>The benchmark inputs.</summary>
internal static class InputShapes
{
    public static LiteralMap MixedScalarsAndBlobs()
    {
        var map = new LiteralMap();
        map.Literals["count"] = Primitive(new Primitive { Integer = 42 });
        map.Literals["ratio"] = Primitive(new Primitive { FloatValue = 0.75 });
        map.Literals["name"] = Primitive(new Primitive { StringValue = "quarterly sales, region EMEA" });
        map.Literals["dry_run"] = Primitive(new Primitive { Boolean = true });
        map.Literals["as_of"] = Primitive(new Primitive { Datetime = new Timestamp { Seconds = 1_700_000_000, Nanos = 123_456_000 } });
        map.Literals["timeout"] = Primitive(new Primitive { Duration = new Duration { Seconds = 90, Nanos = 500_000_000 } });
        map.Literals["sales"] = BlobLiteral("s3://bucket/raw/sales.csv", "csv", BlobType.Types.BlobDimensionality.Single);
        map.Literals["lookup"] = BlobLiteral("s3://bucket/raw/lookup", string.Empty, BlobType.Types.BlobDimensionality.Single);
        map.Literals["images"] = BlobLiteral("s3://bucket/raw/images/", "png", BlobType.Types.BlobDimensionality.Multipart);
        map.Literals["model"] = BlobLiteral("s3://bucket/models/v3.onnx", "onnx", BlobType.Types.BlobDimensionality.Single);
        return map;
    }

    public static LiteralMap Integers(int count)
    {
        var collection = new LiteralCollection();
        for (var i = 0; i < count; i++)
        {
            collection.Literals.Add(Primitive(new Primitive { Integer = (i * 7919L) - 1_000_000 }));
        }

        var map = new LiteralMap();
        map.Literals["values"] = new Literal { Collection = collection };
        return map;
    }

    public static LiteralMap NestedStruct(int depth)
    {
        var inner = new Struct { Fields = { ["leaf"] = Value.ForString("bottom") } };
        for (var level = depth; level > 0; level--)
        {
            inner = new Struct
            {
                Fields =
                {
                    ["level"] = Value.ForNumber(level),
                    ["name"] = Value.ForString("node-" + level),
                    ["enabled"] = Value.ForBool(level % 2 == 0),
                    ["weights"] = Value.ForList(Value.ForNumber(level * 0.5), Value.ForNumber(-level), Value.ForNull()),
                    ["child"] = Value.ForStruct(inner),
                },
            };
        }

        var map = new LiteralMap();
        map.Literals["config"] = new Literal { Scalar = new Scalar { Generic = inner } };
        return map;
    }

    private static Literal Primitive(Primitive primitive) => new() { Scalar = new Scalar { Primitive = primitive } };

    private static Literal BlobLiteral(string uri, string format, BlobType.Types.BlobDimensionality dimensionality) => new()
    {
        Scalar = new Scalar
        {
            Blob = new Blob { Uri = uri, Metadata = new BlobMetadata { Type = new BlobType { Format = format, Dimensionality = dimensionality } } },
        },
    };
}
