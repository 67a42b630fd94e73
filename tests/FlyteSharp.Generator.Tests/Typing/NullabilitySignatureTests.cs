extern alias generator;

using FlyteSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using FlyteTypeMapper = generator::FlyteSharp.Generator.Parser.FlyteTypeMapper;
using NullabilitySignature = generator::FlyteSharp.Generator.Emitter.NullabilitySignature;

namespace FlyteSharp.Generator.Tests.Typing;

/// <summary>
/// The nullability signatures the generator hands <c>LiteralConverter.For&lt;T&gt;(signature)</c>: one <c>?</c>/<c>!</c>
/// per type position in pre-order, read off the Flyte type (a nullable position is a union with none), only for types
/// with a nullable position.
/// </summary>
public sealed class NullabilitySignatureTests
{
    [Theory]
    [InlineData("string", null)]
    [InlineData("int", null)]
    [InlineData("int?", "?")]
    [InlineData("List<int?>", "!?")]
    [InlineData("Dictionary<string, long?[]>", "!!?")]
    [InlineData("string?", "?")]
    [InlineData("List<string?>", "!?")]
    [InlineData("List<int>?", "?!")]
    [InlineData("Dictionary<string, long?[]>?", "?!?")]
    [InlineData("IReadOnlyDictionary<string, List<string?>>", "!!?")]
    [InlineData("string?[]?", "??")]
    [InlineData("FlyteFile<Csv>?", "?")]
    [InlineData("Level?", "?")]
    [InlineData("List<List<Level>>", null)]
    public void Signature_marks_each_nullable_position(string csharpType, string? expected)
    {
        var compilation = GeneratorHarness.Compile($$"""
            using System.Collections.Generic;
            using FlyteSharp;
            using FlyteSharp.Formats;

            public enum Level { Low }

            public static class Holder
            {
                public static void Take({{csharpType}} value) { }
            }
            """);
        var parameter = compilation.GetTypeByMetadataName("Holder")!.GetMembers("Take").OfType<IMethodSymbol>().Single().Parameters[0];

        Assert.Equal(expected, NullabilitySignature.Of(FlyteTypeMapper.Map(parameter.Type).Type!));
    }
}
