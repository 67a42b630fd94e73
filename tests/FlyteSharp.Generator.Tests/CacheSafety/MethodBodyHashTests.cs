extern alias generator;

using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MethodBodyHash = generator::FlyteSharp.Generator.Parser.MethodBodyHash;

namespace FlyteSharp.Generator.Tests.CacheSafety;

/// <summary>The normalized body hash: whitespace and comments keep it, any token change moves it.</summary>
public sealed class MethodBodyHashTests
{
    private const string Block = """
        class C
        {
            int Run(int x)
            {
                var y = x + 1;
                return y * 2;
            }
        }
        """;

    private const string Expression = """
        class C
        {
            int Run(int x) => x + 1;
        }
        """;

    [Theory]
    [InlineData("var y = x + 1;", "var   y=x+1 ;")]
    [InlineData("var y = x + 1;", "var y = x + 1; // one more than x")]
    [InlineData("var y = x + 1;", "/* increment */ var y =\n            x + 1;")]
    [InlineData("return y * 2;", "return y * 2;\n#if NEVER_DEFINED\n            return 0;\n#endif")]
    public void Whitespace_comments_and_inactive_code_keep_the_hash(string original, string edited) =>
        Assert.Equal(Hash(Block), Hash(Block.Replace(original, edited, StringComparison.Ordinal)));

    [Theory]
    [InlineData("x + 1", "x + 2")]
    [InlineData("y * 2", "y*y")]
    [InlineData("var y", "long y")]
    public void A_real_edit_changes_the_hash(string original, string edited) =>
        Assert.NotEqual(Hash(Block), Hash(Block.Replace(original, edited, StringComparison.Ordinal)));

    [Fact]
    public void Expression_bodies_are_hashed_and_normalized()
    {
        var hash = Hash(Expression);

        Assert.Equal(hash, Hash(Expression.Replace("=> x + 1;", "=>\n        x /* plus */ + 1;", StringComparison.Ordinal)));
        Assert.NotEqual(hash, Hash(Expression.Replace("x + 1", "x - 1", StringComparison.Ordinal)));
        Assert.NotEqual(hash, Hash(Block));
    }

    [Fact]
    public void The_signature_and_attributes_are_not_part_of_the_body()
    {
        var renamed = Block.Replace("int Run(int x)", "[System.Obsolete] long Run(int x)", StringComparison.Ordinal);

        Assert.Equal(Hash(Block), Hash(renamed));
    }

    [Fact]
    public void Token_boundaries_count_even_inside_string_literals()
    {
        const string Text = "class C { string Run() => \"a\" + \"b c\"; }";

        Assert.NotEqual(Hash(Text), Hash(Text.Replace("\"b c\"", "\"bc\"", StringComparison.Ordinal)));
        Assert.Matches("^sha256:[0-9a-f]{64}$", Hash(Text));
    }

    private static string Hash(string source)
    {
        var method = CSharpSyntaxTree.ParseText(source, cancellationToken: TestContext.Current.CancellationToken)
            .GetRoot(TestContext.Current.CancellationToken)
            .DescendantNodes()
            .OfType<MethodDeclarationSyntax>()
            .Single();
        return MethodBodyHash.Compute(method);
    }
}
