using BenchmarkDotNet.Attributes;
using Flyteidl.Core;
using FlyteSharp.Formats;
using FlyteSharp.Literals;

namespace FlyteSharp.Benchmarks.Literals;

/// <summary>Literal conversion after the first call per type: no reflection, only the cached codecs.</summary>
[MemoryDiagnoser]
public class LiteralConversionBenchmarks
{
    private readonly List<long?> numbers = [.. Enumerable.Range(0, 100).Select(i => i % 10 == 0 ? (long?)null : i)];
    private readonly Dictionary<string, FlyteFile<Csv>> files = Enumerable.Range(0, 20)
        .ToDictionary(i => "f" + i, i => new FlyteFile<Csv>("s3://bucket/data/" + i + ".csv"));

    private Literal numbersLiteral = null!;
    private Literal filesLiteral = null!;

    [GlobalSetup]
    public void Setup()
    {
        numbersLiteral = LiteralConverter.ToLiteral(numbers);
        filesLiteral = LiteralConverter.ToLiteral(files);
    }

    [Benchmark]
    public Literal WriteLong() => LiteralConverter.ToLiteral(42L);

    [Benchmark]
    public Literal WriteNullableLongs() => LiteralConverter.ToLiteral(numbers);

    [Benchmark]
    public List<long?> ReadNullableLongs() => LiteralConverter.FromLiteral<List<long?>>(numbersLiteral);

    [Benchmark]
    public Literal WriteFileMap() => LiteralConverter.ToLiteral(files);

    [Benchmark]
    public Dictionary<string, FlyteFile<Csv>> ReadFileMap() => LiteralConverter.FromLiteral<Dictionary<string, FlyteFile<Csv>>>(filesLiteral);
}
