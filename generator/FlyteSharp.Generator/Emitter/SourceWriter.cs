using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace FlyteSharp.Generator.Emitter
{
    /// <summary>
    /// Writes indented C# line by line. Lines end with <c>\n</c> on every platform so generated files are
    /// byte-identical wherever they are generated.
    /// </summary>
    internal sealed class SourceWriter
    {
        private const int IndentSize = 4;
        private readonly StringBuilder builder = new();
        private int indentation;

        /// <summary>Writes <paramref name="line"/> at the current indentation.</summary>
        public void WriteLine(string line)
        {
            if (line.Length > 0)
            {
                builder.Append(' ', indentation * IndentSize);
                builder.Append(line);
            }

            builder.Append('\n');
        }

        /// <summary>Writes an empty line.</summary>
        public void WriteLine() => builder.Append('\n');

        /// <summary>Writes <c>{</c> and indents.</summary>
        public void OpenBlock()
        {
            WriteLine("{");
            indentation++;
        }

        /// <summary>Unindents and writes <c>}</c> followed by <paramref name="suffix"/> (e.g. <c>;</c> or <c>,</c>).</summary>
        public void CloseBlock(string suffix = "")
        {
            indentation--;
            WriteLine("}" + suffix);
        }

        /// <summary>Indents the following lines one more level.</summary>
        public void Indent() => indentation++;

        /// <summary>Undoes one <see cref="Indent"/>.</summary>
        public void Unindent() => indentation--;

        /// <summary>The text written so far.</summary>
        public override string ToString() => builder.ToString();

        /// <summary>The text written so far, as UTF-8 source.</summary>
        public SourceText ToSourceText() => SourceText.From(builder.ToString(), Encoding.UTF8);
    }
}
