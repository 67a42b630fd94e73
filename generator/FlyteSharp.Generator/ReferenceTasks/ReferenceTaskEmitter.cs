using System.Collections.Generic;
using System.Linq;
using FlyteSharp.Generator.Emitter;
using FlyteSharp.Generator.Model;
using FlyteSharp.Generator.Parser;

namespace FlyteSharp.Generator.ReferenceTasks
{
    /// <summary>
    /// Writes the file generated for one interface <c>IX</c> of reference tasks: the static <c>XFlyte</c> with one
    /// descriptor per task (the pinned interface, the cache version, the dataset computed at compile time and the
    /// reference), the DI registration <c>AddX</c>, and the client implementing <c>IX</c> through the task runner.
    /// </summary>
    internal static class ReferenceTaskEmitter
    {
        private const string Reference = "global::FlyteSharp.Running.FlyteTaskReference";

        /// <summary>The hint name of the file generated for <paramref name="spec"/>.</summary>
        public static string HintName(ReferenceInterfaceSpec spec) => spec.Interface.HintName + ".FlyteReferenceTasks.g.cs";

        /// <summary>The source of the file generated for <paramref name="spec"/>.</summary>
        public static string Emit(ReferenceInterfaceSpec spec)
        {
            var info = spec.Interface;
            var writer = new SourceWriter();
            FileHeader.Write(writer);
            if (info.Namespace.Length > 0)
            {
                writer.WriteLine("namespace " + info.Namespace);
                writer.OpenBlock();
            }

            writer.WriteLine("/// <summary>");
            writer.WriteLine("/// Flyte descriptors of the reference tasks of <see cref=\"" + info.FullyQualifiedName + "\"/>, checked against their pinned");
            writer.WriteLine("/// interfaces at compile time, and their registration with <see cref=\"" + CodeNames.FlyteBuilder + "\"/>.");
            writer.WriteLine("/// </summary>");
            writer.WriteLine(CodeNames.GeneratedCode);
            writer.WriteLine((info.IsPublic ? "public" : "internal") + " static class " + info.DescriptorClassName);
            writer.OpenBlock();
            foreach (var task in spec.Tasks)
            {
                WriteDescriptor(writer, task);
                writer.WriteLine();
            }

            writer.WriteLine("/// <summary>Registers <see cref=\"" + info.FullyQualifiedName + "\"/> as a transient service, unless already registered.</summary>");
            writer.WriteLine("/// <param name=\"builder\">The builder returned by <c>AddFlyteSharp</c>.</param>");
            writer.WriteLine("/// <returns>The same builder, for chaining.</returns>");
            writer.WriteLine("public static " + CodeNames.FlyteBuilder + " " + info.RegistrationMethodName + "(this " + CodeNames.FlyteBuilder + " builder)");
            writer.OpenBlock();
            writer.WriteLine("if (builder is null)");
            writer.OpenBlock();
            writer.WriteLine("throw new " + CodeNames.ArgumentNullException + "(nameof(builder));");
            writer.CloseBlock();
            writer.WriteLine();
            writer.WriteLine(CodeNames.ServiceCollectionExtensions + ".TryAddTransient<" + info.FullyQualifiedName + ", Client>(builder.Services);");
            writer.WriteLine("return builder;");
            writer.CloseBlock();

            foreach (var task in spec.Tasks)
            {
                writer.WriteLine();
                writer.WriteLine("private static " + CodeNames.TypedInterface + " Create" + task.BaseName + "Interface() => new " + CodeNames.TypedInterface);
                writer.OpenBlock();
                TaskClassEmitter.WriteVariableMap(writer, "Inputs", task.Pinned.Inputs);
                TaskClassEmitter.WriteVariableMap(writer, "Outputs", task.Pinned.Outputs);
                writer.CloseBlock(";");
            }

            writer.WriteLine();
            WriteClient(writer, spec);
            writer.CloseBlock();
            if (info.Namespace.Length > 0)
            {
                writer.CloseBlock();
            }

            return writer.ToString();
        }

        private static void WriteDescriptor(SourceWriter writer, ReferenceTaskSpec task)
        {
            var name = task.BaseName;
            var method = "<see cref=\"" + task.Interface.FullyQualifiedName + "." + CSharpSource.Identifier(task.MethodName) + "\"/>";
            Constant(writer, name + "TaskName", task.Id.Name, "The Flyte task name of the reference task " + method + ".");
            Constant(writer, name + "Project", task.Id.Project, "The Flyte project of " + method + ", also the project of its catalog dataset.");
            Constant(writer, name + "Domain", task.Id.Domain, "The Flyte domain of " + method + ", also the domain of its catalog dataset.");
            Constant(writer, name + "TaskVersion", task.Id.Version, "The registered task version of " + method + ".");
            Constant(writer, name + "CacheVersion", task.Id.CacheVersion, "The cache version of " + method + " on the cluster.");
            Constant(writer, name + "DatasetName", task.DatasetName, "The catalog dataset that holds the cached outputs of " + method + ".");
            Constant(writer, name + "DatasetVersion", task.DatasetVersion, "The catalog dataset version of " + method + ": its cache version and hashes of its pinned interface, as Flyte computes them.");
            writer.WriteLine("/// <summary>The descriptor of " + method + ": the runner reads its cached results and never runs it.</summary>");
            writer.WriteLine("public static " + CodeNames.TaskDescriptor + " " + CSharpSource.Identifier(name) + " { get; } = new " + CodeNames.TaskDescriptor + "(");
            writer.Indent();
            writer.WriteLine("taskName: " + name + "TaskName,");
            writer.WriteLine("@interface: Create" + name + "Interface(),");
            writer.WriteLine("cache: true,");
            writer.WriteLine("cacheVersion: " + name + "CacheVersion,");
            writer.WriteLine("cacheSerialize: false,");
            writer.WriteLine("cacheIgnoreInputs: global::System.Array.Empty<string>(),");
            writer.WriteLine("datasetName: " + name + "DatasetName,");
            writer.WriteLine("datasetVersion: " + name + "DatasetVersion)");
            writer.OpenBlock();
            writer.WriteLine("Reference = new " + Reference + "(" + name + "Project, " + name + "Domain, " + name + "TaskName, " + name + "TaskVersion),");
            writer.CloseBlock(";");
            writer.Unindent();
        }

        private static void Constant(SourceWriter writer, string name, string value, string summary)
        {
            writer.WriteLine("/// <summary>" + summary + "</summary>");
            writer.WriteLine("public const string " + name + " = " + CSharpSource.StringLiteral(value) + ";");
            writer.WriteLine();
        }

        private static void WriteClient(SourceWriter writer, ReferenceInterfaceSpec spec)
        {
            writer.WriteLine("/// <summary>Reads the reference tasks' cached results through the task runner.</summary>");
            writer.WriteLine("internal sealed class Client : " + spec.Interface.FullyQualifiedName);
            writer.OpenBlock();
            writer.WriteLine("private readonly " + CodeNames.TaskRunner + " runner;");
            writer.WriteLine();
            writer.WriteLine("/// <summary>Creates the client; the DI container calls this.</summary>");
            writer.WriteLine("public Client(" + CodeNames.TaskRunner + " runner)");
            writer.OpenBlock();
            writer.WriteLine("this.runner = runner ?? throw new " + CodeNames.ArgumentNullException + "(nameof(runner));");
            writer.CloseBlock();
            foreach (var task in spec.Tasks)
            {
                writer.WriteLine();
                WriteMethod(writer, task);
            }

            writer.WriteLine();
            writer.WriteLine("private static " + CodeNames.Literal + " Output(" + CodeNames.LiteralMap + " outputs, string taskName, string name) =>");
            writer.Indent();
            writer.WriteLine("outputs.Literals.TryGetValue(name, out var literal)");
            writer.Indent();
            writer.WriteLine("? literal");
            writer.WriteLine(": throw new " + CodeNames.InvalidOperationException + "(\"Reference task '\" + taskName + \"' returned no output '\" + name + \"'.\");");
            writer.Unindent();
            writer.Unindent();
            writer.CloseBlock();
        }

        private static void WriteMethod(SourceWriter writer, ReferenceTaskSpec task)
        {
            var taken = new HashSet<string>(task.Parameters.Select(p => p.Name), System.StringComparer.Ordinal);
            var inputs = Unique("inputs", taken);
            var outputs = Unique("outputs", taken);
            var descriptor = task.Interface.FullyQualifiedDescriptorClassName + "." + CSharpSource.Identifier(task.BaseName);
            var token = task.Parameters.FirstOrDefault(p => p.IsCancellationToken)?.Identifier ?? "default";
            var returnType = task.ResultTypeName is null ? CodeNames.Task : CodeNames.Task + "<" + task.ResultTypeName + ">";

            writer.WriteLine("/// <inheritdoc/>");
            writer.WriteLine("public async " + returnType + " " + CSharpSource.Identifier(task.MethodName) + "("
                + string.Join(", ", task.Parameters.Select(p => p.TypeName + " " + p.Identifier)) + ")");
            writer.OpenBlock();
            writer.WriteLine("var " + inputs + " = new " + CodeNames.LiteralMap + "();");
            foreach (var parameter in task.Parameters.Where(p => !p.IsCancellationToken))
            {
                writer.WriteLine(inputs + ".Literals.Add(" + CSharpSource.StringLiteral(parameter.Name) + ", "
                    + TaskClassEmitter.Encode(parameter.TypeName, TaskClassEmitter.Signature(task.Local.Inputs, parameter.Name), parameter.Identifier) + ");");
            }

            // The runner never executes a reference task; a runner that would gets this error instead of a result.
            writer.WriteLine((task.Outputs.Count > 0 ? "var " + outputs + " = " : string.Empty) + "await this.runner.RunAsync(");
            writer.Indent();
            writer.WriteLine(descriptor + ",");
            writer.WriteLine(inputs + ",");
            writer.WriteLine("static _ => " + CodeNames.Task + ".FromException<" + CodeNames.LiteralMap + ">(new " + CodeNames.InvalidOperationException
                + "(\"Reference task '\" + " + descriptor + ".TaskName + \"' lives on a Flyte cluster and cannot run here.\")),");
            writer.WriteLine(token + ").ConfigureAwait(false);");
            writer.Unindent();
            if (task.Outputs.Count > 0)
            {
                var decoded = task.Outputs.Select(output => TaskClassEmitter.Decode(
                    output.TypeName,
                    TaskClassEmitter.Signature(task.Local.Outputs, output.Name),
                    "Output(" + outputs + ", " + descriptor + ".TaskName, " + CSharpSource.StringLiteral(output.Name) + ")")).ToList();
                writer.WriteLine(task.Outputs[0].TupleElement is null ? "return " + decoded[0] + ";" : "return (" + string.Join(", ", decoded) + ");");
            }

            writer.CloseBlock();
        }

        private static string Unique(string name, HashSet<string> taken)
        {
            var candidate = name;
            while (!taken.Add(candidate))
            {
                candidate += "_";
            }

            return candidate;
        }
    }
}
