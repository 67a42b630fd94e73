extern alias generator;

using FlyteSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using SymbolNames = generator::FlyteSharp.Generator.Parser.SymbolNames;

namespace FlyteSharp.Generator.Tests.Typing;

/// <summary>
/// The parser writes type names for generated code itself (it runs for every task on every edit, and Roslyn's
/// formatter is slow); they must be exactly what Roslyn's fully qualified format writes.
/// </summary>
public sealed class TypeNameTests
{
    [Theory]
    [InlineData("int")]
    [InlineData("int?")]
    [InlineData("string?")]
    [InlineData("object")]
    [InlineData("decimal")]
    [InlineData("System.DateTimeOffset?")]
    [InlineData("List<string?>?")]
    [InlineData("Dictionary<string, List<int?>>")]
    [InlineData("IReadOnlyDictionary<string, string?[]>")]
    [InlineData("int[,]")]
    [InlineData("int[][]")]
    [InlineData("(int count, string? label)")]
    [InlineData("(int, string)?")]
    [InlineData("FlyteFile<Csv>?")]
    [InlineData("Outer.Inner")]
    [InlineData("@class")]
    [InlineData("Level?")]
    [InlineData("Task<(long, double)>")]
    [InlineData("nint")]
    [InlineData("dynamic")]
    [InlineData("Missing")]
    public void Generated_code_names_equal_roslyns(string csharpType)
    {
        var compilation = GeneratorHarness.Compile($$"""
            #nullable enable
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using FlyteSharp;
            using FlyteSharp.Formats;

            public enum Level { Low }
            public static class Outer { public sealed class Inner { } }
            public sealed class @class { }

            public static class Holder
            {
                public static void Take({{csharpType}} value) { }
            }
            """);
        var type = compilation.GetTypeByMetadataName("Holder")!.GetMembers("Take").OfType<IMethodSymbol>().Single().Parameters[0].Type;

        Assert.Equal(type.ToDisplayString(SymbolNames.Code), SymbolNames.ForCode(type));
    }
}
