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

        // Reused per thread: the generator hashes every cached body after each edit, so the bytes go into one buffer
        // and one SHA-256 call instead of an allocation and two hash updates per token.
        [ThreadStatic]
        private static byte[]? buffer;

        private static string HashTokens(SyntaxNode? body)
        {
            var bytes = buffer ??= new byte[4096];
            var length = 0;
            if (body is not null)
            {
                foreach (var token in body.DescendantTokens(descendIntoTrivia: false))
                {
                    var text = token.Text;
                    var needed = length + 4 + Encoding.UTF8.GetMaxByteCount(text.Length);
                    if (needed > bytes.Length)
                    {
                        Array.Resize(ref bytes, Math.Max(needed, bytes.Length * 2));
                        buffer = bytes;
                    }

                    var count = Encoding.UTF8.GetBytes(text, 0, text.Length, bytes, length + 4);
                    bytes[length] = (byte)(count >> 24);
                    bytes[length + 1] = (byte)(count >> 16);
                    bytes[length + 2] = (byte)(count >> 8);
                    bytes[length + 3] = (byte)count;
                    length += 4 + count;
                }
            }

            using var sha256 = SHA256.Create();
            return Prefix + ToHex(sha256.ComputeHash(bytes, 0, length));
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
