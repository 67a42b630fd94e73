using System;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FlyteSharp.Generator.Parser
{
    /// <summary>
    /// A hash of a task method's body that ignores whitespace and comments: SHA-256 over the text of the body's
    /// syntax tokens, trivia left out, each token length-prefixed so that <c>a b</c> and <c>ab</c> differ. A
    /// reformat or a comment keeps it; any change to what compiles changes it.
    /// </summary>
    /// <remarks>
    /// Shared by the generator (automatic cache versions), the cache lock data and the lock analyzer, so all three
    /// agree on what "the body changed" means. Inactive <c>#if</c> branches are trivia, so they do not count.
    /// </remarks>
    internal static class MethodBodyHash
    {
        /// <summary>The prefix of every hash, naming the algorithm so a future scheme can be told apart.</summary>
        public const string Prefix = "sha256:";

        /// <summary>
        /// The body hash of a method or local function declaration: its block or expression body; a method without
        /// a body (abstract, extern, partial definition) hashes as empty.
        /// </summary>
        public static string Compute(SyntaxNode declaration)
        {
            SyntaxNode? body = declaration switch
            {
                BaseMethodDeclarationSyntax method => (SyntaxNode?)method.Body ?? method.ExpressionBody,
                LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody,
                _ => declaration,
            };
            return HashTokens(body);
        }

        private static string HashTokens(SyntaxNode? body)
        {
            using var sha256 = SHA256.Create();
            var lengthBytes = new byte[4];
            if (body is not null)
            {
                foreach (var token in body.DescendantTokens(descendIntoTrivia: false))
                {
                    var bytes = Encoding.UTF8.GetBytes(token.Text);
                    lengthBytes[0] = (byte)(bytes.Length >> 24);
                    lengthBytes[1] = (byte)(bytes.Length >> 16);
                    lengthBytes[2] = (byte)(bytes.Length >> 8);
                    lengthBytes[3] = (byte)bytes.Length;
                    sha256.TransformBlock(lengthBytes, 0, 4, null, 0);
                    sha256.TransformBlock(bytes, 0, bytes.Length, null, 0);
                }
            }

            sha256.TransformFinalBlock(Array.Empty<byte>(), 0, 0);
            return Prefix + ToHex(sha256.Hash!);
        }

        private static string ToHex(byte[] bytes)
        {
            var text = new StringBuilder(bytes.Length * 2);
            foreach (var value in bytes)
            {
                text.Append(value.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return text.ToString();
        }
    }
}
