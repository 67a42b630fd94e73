using System.Text.RegularExpressions;
using FlyteSharp.Generator.Tests.Infrastructure;
using FlyteSharp.Generator.Tests.Typing;

namespace FlyteSharp.Generator.Tests.Hashing;

/// <summary>
/// For every supported type, the <c>DatasetVersion</c> constant the generator computed at compile time equals
/// what the runtime computes over the <c>TypedInterface</c> the generated code builds. Both sides link one
/// hashing core; these tests need it merged (branch hashing).
/// </summary>
public sealed partial class DatasetVersionTests
{
    public static TheoryData<string> SupportedTypes()
    {
        var data = new TheoryData<string>();
        foreach (var row in TypeMappingTests.SupportedTypes())
        {
            data.Add(row.Data.Item1);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SupportedTypes))]
    public void Generated_dataset_version_equals_the_runtime_computation(string csharpType)
    {
        var assembly = GeneratorHarness.Run($$"""
            using System;
            using System.Collections.Generic;
            using FlyteSharp;
            using FlyteSharp.Formats;

            namespace Mapping
            {
                public enum Level { Low, Medium = 5, High }

                public static class Echoes
                {
                    [FlyteTask(Cache = true, CacheVersion = " 1.0 ")]
                    public static {{csharpType}} Echo({{csharpType}} value, int count) => value;
                }
            }
            """).AssertClean().Load();

        var generated = GeneratedAssembly.Constant(assembly, "Mapping.EchoesFlyte", "EchoDatasetVersion");
        var descriptor = GeneratedAssembly.Descriptor(assembly, "Mapping.EchoesFlyte", "Echo");

        Assert.Matches(DatasetVersionShape(), generated);
        Assert.Equal(generated, descriptor.DatasetVersion);
        Assert.All(RuntimeDatasetVersion.Compute(" 1.0 ", descriptor.Interface), runtime => Assert.Equal(runtime, generated));
    }

    [Fact]
    public void Dataset_version_changes_with_the_interface_and_the_cache_version()
    {
        var assembly = GeneratorHarness.Run("""
            using FlyteSharp;

            public static class Versions
            {
                [FlyteTask(Cache = true, CacheVersion = "1")] public static int A(int x) => x;
                [FlyteTask(Cache = true, CacheVersion = "1")] public static int B(long x) => 0;
                [FlyteTask(Cache = true, CacheVersion = "1")] public static long C(int y) => y;
                [FlyteTask(Cache = true, CacheVersion = "2")] public static int D(int x) => x;
            }
            """).AssertClean().Load();

        string Version(string task) => GeneratedAssembly.Constant(assembly, "VersionsFlyte", task + "DatasetVersion");

        Assert.Equal(Version("A"), Version("B"));
        Assert.NotEqual(Version("A"), Version("C"));
        Assert.Equal(Version("A")[1..], Version("D")[1..]);
        Assert.StartsWith("2-", Version("D"), StringComparison.Ordinal);
    }

    [GeneratedRegex("^1\\.0-[A-Za-z0-9_-]{8}-[A-Za-z0-9_-]{8}$")]
    private static partial Regex DatasetVersionShape();
}
