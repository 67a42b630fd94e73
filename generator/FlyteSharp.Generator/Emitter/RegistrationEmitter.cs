using System.Collections.Generic;
using System.Linq;
using System.Text;
using FlyteSharp.Generator.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace FlyteSharp.Generator.Emitter
{
    /// <summary>
    /// Writes the assembly's <c>AddGeneratedFlyteTasks()</c>, which calls every generated <c>Add{Class}()</c>. It
    /// lives in a namespace named after the assembly so that two assemblies with tasks do not define one type twice.
    /// </summary>
    internal static class RegistrationEmitter
    {
        public const string HintName = "GeneratedFlyteTasks.g.cs";
        private const string ClassName = "GeneratedFlyteTasks";

        /// <summary>The source registering <paramref name="classes"/> for the assembly <paramref name="assemblyName"/>.</summary>
        public static string Emit(string assemblyName, IReadOnlyList<TaskClassInfo> classes)
        {
            var writer = new SourceWriter();
            FileHeader.Write(writer);
            writer.WriteLine("namespace " + NamespaceFor(assemblyName));
            writer.OpenBlock();
            writer.WriteLine("/// <summary>Registers every FlyteSharp task class of the assembly <c>" + Escape(assemblyName) + "</c>.</summary>");
            writer.WriteLine(CodeNames.GeneratedCode);
            writer.WriteLine("public static class " + ClassName);
            writer.OpenBlock();
            writer.WriteLine("/// <summary>");
            writer.WriteLine("/// Registers the generated clients of every task class of this assembly:");
            writer.WriteLine("/// " + string.Join(", ", classes.Select(c => "<see cref=\"" + c.FullyQualifiedInterfaceName + "\"/>")) + ".");
            writer.WriteLine("/// </summary>");
            writer.WriteLine("/// <param name=\"builder\">The builder returned by <c>AddFlyteSharp</c>.</param>");
            writer.WriteLine("/// <returns>The same builder, for chaining.</returns>");
            writer.WriteLine("public static " + CodeNames.FlyteBuilder + " AddGeneratedFlyteTasks(this " + CodeNames.FlyteBuilder + " builder)");
            writer.OpenBlock();
            writer.WriteLine("if (builder is null)");
            writer.OpenBlock();
            writer.WriteLine("throw new " + CodeNames.ArgumentNullException + "(nameof(builder));");
            writer.CloseBlock();
            writer.WriteLine();
            foreach (var taskClass in classes)
            {
                writer.WriteLine(taskClass.FullyQualifiedDescriptorClassName + "." + taskClass.RegistrationMethodName + "(builder);");
            }

            writer.WriteLine("return builder;");
            writer.CloseBlock();
            writer.CloseBlock();
            writer.CloseBlock();
            return writer.ToString();
        }

        /// <summary>
        /// The assembly name as a namespace: each dotted part made an identifier (invalid characters become
        /// <c>_</c>, a leading digit gets a <c>_</c>, a keyword its <c>@</c>).
        /// </summary>
        public static string NamespaceFor(string assemblyName)
        {
            var parts = assemblyName.Split('.').Select(Identifier).Where(p => p.Length > 0).ToList();
            return parts.Count == 0 ? "FlyteSharpGenerated" : string.Join(".", parts);
        }

        private static string Identifier(string part)
        {
            if (part.Length == 0)
            {
                return part;
            }

            var builder = new StringBuilder(part.Length + 1);
            foreach (var c in part)
            {
                builder.Append(SyntaxFacts.IsIdentifierPartCharacter(c) ? c : '_');
            }

            if (!SyntaxFacts.IsIdentifierStartCharacter(builder[0]))
            {
                builder.Insert(0, '_');
            }

            var identifier = builder.ToString();
            return SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;
        }

        private static string Escape(string text) =>
            text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    }
}
