using System.Collections.Generic;
using System.Linq;
using FlyteSharp.Generator.Model;
using FlyteSharp.Generator.Parser;
using FlyteSharp.Typing;

namespace FlyteSharp.Generator.Emitter
{
    /// <summary>
    /// Writes the file generated for one task class <c>C</c>: the typed interface <c>IC</c>, the static
    /// <c>CFlyte</c> with one descriptor per task, the DI registration <c>AddC</c>, and the client that routes
    /// each call through the task runner.
    /// </summary>
    internal static class TaskClassEmitter
    {
        /// <summary>The hint name of the file generated for <paramref name="spec"/>.</summary>
        public static string HintName(TaskClassSpec spec) => spec.Class.HintName + ".FlyteTasks.g.cs";

        /// <summary>The source of the file generated for <paramref name="spec"/>.</summary>
        /// <param name="spec">The task class.</param>
        public static string Emit(TaskClassSpec spec)
        {
            var writer = new SourceWriter();
            FileHeader.Write(writer);
            var hasNamespace = spec.Class.Namespace.Length > 0;
            if (hasNamespace)
            {
                writer.WriteLine("namespace " + spec.Class.Namespace);
                writer.OpenBlock();
            }

            WriteInterface(writer, spec);
            writer.WriteLine();
            WriteDescriptorClass(writer, spec);

            if (hasNamespace)
            {
                writer.CloseBlock();
            }

            return writer.ToString();
        }

        private static void WriteInterface(SourceWriter writer, TaskClassSpec spec)
        {
            writer.WriteLine("/// <summary>");
            writer.WriteLine("/// The Flyte tasks of <see cref=\"" + spec.Class.FullyQualifiedName + "\"/>, called through the FlyteSharp task runner,");
            writer.WriteLine("/// which returns cached outputs when the catalog has them and runs the task otherwise.");
            writer.WriteLine("/// </summary>");
            writer.WriteLine(CodeNames.GeneratedCode);
            writer.WriteLine("public interface " + spec.Class.InterfaceName);
            writer.OpenBlock();
            var first = true;
            foreach (var task in spec.Tasks)
            {
                if (!first)
                {
                    writer.WriteLine();
                }

                first = false;
                writer.WriteLine("/// <inheritdoc cref=\"" + task.DocumentationCref + "\"/>");
                writer.WriteLine(Signature(task, Parameters(task).ToList()) + ";");
            }

            writer.CloseBlock();
        }

        private static void WriteDescriptorClass(SourceWriter writer, TaskClassSpec spec)
        {
            writer.WriteLine("/// <summary>");
            writer.WriteLine("/// Flyte descriptors of the tasks of <see cref=\"" + spec.Class.FullyQualifiedName + "\"/>, computed at compile time,");
            writer.WriteLine("/// and their registration with <see cref=\"" + CodeNames.FlyteBuilder + "\"/>.");
            writer.WriteLine("/// </summary>");
            writer.WriteLine(CodeNames.GeneratedCode);
            writer.WriteLine("public static class " + spec.Class.DescriptorClassName);
            writer.OpenBlock();

            foreach (var task in spec.Tasks)
            {
                WriteDescriptor(writer, task);
                writer.WriteLine();
            }

            WriteRegistration(writer, spec);

            foreach (var task in spec.Tasks)
            {
                writer.WriteLine();
                WriteInterfaceFactory(writer, task);
            }

            writer.WriteLine();
            WriteClient(writer, spec);
            writer.CloseBlock();
        }

        private static void WriteDescriptor(SourceWriter writer, TaskSpec task)
        {
            var name = task.BaseName;
            var method = "<see cref=\"" + task.DocumentationCref + "\"/>";
            WriteConstant(writer, name + "TaskName", task.TaskName, "The Flyte task name of " + method + ".");
            WriteConstant(writer, name + "DatasetName", task.Cache.DatasetName, "The catalog dataset that holds the cached outputs of " + method + ".");
            if (task.Cache.Version is not null)
            {
                WriteConstant(
                    writer,
                    name + "CacheVersion",
                    task.Cache.Version,
                    "The cache version of " + method + (task.Cache.BodyHash is null ? ", as written on its attribute." : ", derived from its body (CacheVersionPolicy.FunctionBody)."));
            }

            if (task.Cache.DatasetVersion is not null)
            {
                WriteConstant(
                    writer,
                    name + "DatasetVersion",
                    task.Cache.DatasetVersion,
                    "The catalog dataset version of " + method + ": the cache version and hashes of its interface, as Flyte computes them.");
            }

            var ignored = task.Cache.IgnoredInputs.Count == 0
                ? "global::System.Array.Empty<string>()"
                : "new string[] { " + string.Join(", ", task.Cache.IgnoredInputs.Select(CSharpSource.StringLiteral)) + " }";
            writer.WriteLine("/// <summary>The descriptor of " + method + ": what the task runner needs to run and cache it.</summary>");
            writer.WriteLine("public static " + CodeNames.TaskDescriptor + " " + CSharpSource.Identifier(name) + " { get; } = new " + CodeNames.TaskDescriptor + "(");
            writer.Indent();
            writer.WriteLine("taskName: " + name + "TaskName,");
            writer.WriteLine("@interface: Create" + name + "Interface(),");
            writer.WriteLine("cache: " + (task.Cache.Enabled ? "true" : "false") + ",");
            writer.WriteLine("cacheVersion: " + (task.Cache.Version is null ? "null" : name + "CacheVersion") + ",");
            writer.WriteLine("cacheSerialize: " + (task.Cache.Serialize ? "true" : "false") + ",");
            writer.WriteLine("cacheIgnoreInputs: " + ignored + ",");
            writer.WriteLine("datasetName: " + name + "DatasetName,");
            writer.WriteLine("datasetVersion: " + (task.Cache.DatasetVersion is null ? "null" : name + "DatasetVersion") + ");");
            writer.Unindent();
        }

        private static void WriteConstant(SourceWriter writer, string name, string value, string summary)
        {
            writer.WriteLine("/// <summary>" + summary + "</summary>");
            writer.WriteLine("public const string " + name + " = " + CSharpSource.StringLiteral(value) + ";");
            writer.WriteLine();
        }

        private static void WriteRegistration(SourceWriter writer, TaskClassSpec spec)
        {
            var services = "builder.Services";
            writer.WriteLine("/// <summary>");
            writer.WriteLine("/// Registers <see cref=\"" + spec.Class.FullyQualifiedInterfaceName + "\"/>"
                + (spec.HasInstanceTasks ? " and <see cref=\"" + spec.Class.FullyQualifiedName + "\"/>" : string.Empty)
                + " as transient services, unless already registered.");
            writer.WriteLine("/// The client resolves the task class from the caller's scope only when a task actually runs (a cache hit never");
            writer.WriteLine("/// creates it), so the class may depend on scoped services when the client is resolved from a scope.");
            writer.WriteLine("/// </summary>");
            writer.WriteLine("/// <param name=\"builder\">The builder returned by <c>AddFlyteSharp</c>.</param>");
            writer.WriteLine("/// <returns>The same builder, for chaining.</returns>");
            writer.WriteLine("public static " + CodeNames.FlyteBuilder + " " + spec.Class.RegistrationMethodName + "(this " + CodeNames.FlyteBuilder + " builder)");
            writer.OpenBlock();
            writer.WriteLine("if (builder is null)");
            writer.OpenBlock();
            writer.WriteLine("throw new " + CodeNames.ArgumentNullException + "(nameof(builder));");
            writer.CloseBlock();
            writer.WriteLine();
            if (spec.HasInstanceTasks)
            {
                writer.WriteLine(CodeNames.ServiceCollectionExtensions + ".TryAddTransient<" + spec.Class.FullyQualifiedName + ">(" + services + ");");
            }

            writer.WriteLine(CodeNames.ServiceCollectionExtensions + ".TryAddTransient<" + spec.Class.FullyQualifiedInterfaceName + ", Client>(" + services + ");");
            writer.WriteLine("return builder;");
            writer.CloseBlock();
        }

        private static void WriteInterfaceFactory(SourceWriter writer, TaskSpec task)
        {
            writer.WriteLine("private static " + CodeNames.TypedInterface + " Create" + task.BaseName + "Interface() => new " + CodeNames.TypedInterface);
            writer.OpenBlock();
            WriteVariableMap(writer, "Inputs", task.Interface.Inputs);
            WriteVariableMap(writer, "Outputs", task.Interface.Outputs);
            writer.CloseBlock(";");
        }

        internal static void WriteVariableMap(SourceWriter writer, string property, FlyteSharp.Core.EquatableArray<FlyteVariable> variables)
        {
            if (variables.Count == 0)
            {
                writer.WriteLine(property + " = new " + CodeNames.VariableMap + "(),");
                return;
            }

            writer.WriteLine(property + " = new " + CodeNames.VariableMap);
            writer.OpenBlock();
            writer.WriteLine("Variables =");
            writer.OpenBlock();
            foreach (var variable in variables)
            {
                writer.WriteLine("[" + CSharpSource.StringLiteral(variable.Name) + "] = new " + CodeNames.Variable);
                writer.OpenBlock();
                LiteralTypeEmitter.Write(writer, variable.Type, "Type = ", ",");
                writer.CloseBlock(",");
            }

            writer.CloseBlock(",");
            writer.CloseBlock(",");
        }

        private static void WriteClient(SourceWriter writer, TaskClassSpec spec)
        {
            writer.WriteLine("/// <summary>Runs the tasks of <see cref=\"" + spec.Class.FullyQualifiedName + "\"/> through the task runner.</summary>");
            writer.WriteLine("internal sealed class Client : " + spec.Class.FullyQualifiedInterfaceName);
            writer.OpenBlock();
            writer.WriteLine("private readonly " + CodeNames.TaskRunner + " runner;");
            if (spec.HasInstanceTasks)
            {
                writer.WriteLine("private readonly " + CodeNames.ServiceProvider + " services;");
            }

            writer.WriteLine();
            writer.WriteLine("/// <summary>Creates the client; the DI container calls this.</summary>");
            writer.WriteLine(spec.HasInstanceTasks
                ? "public Client(" + CodeNames.TaskRunner + " runner, " + CodeNames.ServiceProvider + " services)"
                : "public Client(" + CodeNames.TaskRunner + " runner)");
            writer.OpenBlock();
            writer.WriteLine("this.runner = runner ?? throw new " + CodeNames.ArgumentNullException + "(nameof(runner));");
            if (spec.HasInstanceTasks)
            {
                writer.WriteLine("this.services = services ?? throw new " + CodeNames.ArgumentNullException + "(nameof(services));");
            }

            writer.CloseBlock();

            foreach (var task in spec.Tasks)
            {
                writer.WriteLine();
                WriteClientMethod(writer, spec, task);
            }

            writer.WriteLine();
            writer.WriteLine("private static " + CodeNames.Literal + " Output(" + CodeNames.LiteralMap + " outputs, string taskName, string name) =>");
            writer.Indent();
            writer.WriteLine("outputs.Literals.TryGetValue(name, out var literal)");
            writer.Indent();
            writer.WriteLine("? literal");
            writer.WriteLine(": throw new " + CodeNames.InvalidOperationException + "(\"Task '\" + taskName + \"' returned no output '\" + name + \"'.\");");
            writer.Unindent();
            writer.Unindent();
            writer.CloseBlock();
        }

        private static void WriteClientMethod(SourceWriter writer, TaskClassSpec spec, TaskSpec task)
        {
            var parameters = Parameters(task).ToList();
            var taken = new HashSet<string>(task.Parameters.Select(p => p.Name), System.StringComparer.Ordinal) { "cancellationToken" };
            var inputs = Unique("inputs", taken);
            var outputs = Unique("outputs", taken);
            var token = Unique("ct", taken);
            var result = Unique("result", taken);
            var taskOutputs = Unique("taskOutputs", taken);

            writer.WriteLine("/// <inheritdoc/>");
            writer.WriteLine(Signature(task, parameters, isAsync: true));
            writer.OpenBlock();
            writer.WriteLine("var " + inputs + " = new " + CodeNames.LiteralMap + "();");
            foreach (var parameter in task.Parameters.Where(p => !p.IsCancellationToken))
            {
                writer.WriteLine(inputs + ".Literals.Add(" + CSharpSource.StringLiteral(parameter.Name) + ", "
                    + Encode(parameter.TypeName, Signature(task.Interface.Inputs, parameter.Name), parameter.Identifier) + ");");
            }

            var hasOutputs = task.Outputs.Count > 0;
            var isAwaited = task.Invocation is TaskInvocation.Awaitable or TaskInvocation.AwaitableValue;
            writer.WriteLine((hasOutputs ? "var " + outputs + " = " : string.Empty) + "await this.runner.RunAsync(");
            writer.Indent();
            writer.WriteLine(spec.Class.FullyQualifiedDescriptorClassName + "." + CSharpSource.Identifier(task.BaseName) + ",");
            writer.WriteLine(inputs + ",");
            writer.WriteLine((isAwaited ? "async " : string.Empty) + token + " =>");
            writer.OpenBlock();

            var arguments = string.Join(", ", task.Parameters.Select(p => p.IsCancellationToken ? token : p.Identifier));
            var target = task.IsStatic
                ? spec.Class.FullyQualifiedName
                : CodeNames.GetRequiredService + "<" + spec.Class.FullyQualifiedName + ">(this.services)";
            var call = target + "." + CSharpSource.Identifier(task.MethodName) + "(" + arguments + ")";
            if (isAwaited)
            {
                call = "await " + call + ".ConfigureAwait(false)";
            }

            writer.WriteLine((hasOutputs ? "var " + result + " = " : string.Empty) + call + ";");
            writer.WriteLine("var " + taskOutputs + " = new " + CodeNames.LiteralMap + "();");
            foreach (var output in task.Outputs)
            {
                var value = output.TupleElement is null ? result : result + "." + output.TupleElement;
                writer.WriteLine(taskOutputs + ".Literals.Add(" + CSharpSource.StringLiteral(output.Name) + ", "
                    + Encode(output.TypeName, Signature(task.Interface.Outputs, output.Name), value) + ");");
            }

            writer.WriteLine(isAwaited ? "return " + taskOutputs + ";" : "return " + CodeNames.Task + ".FromResult(" + taskOutputs + ");");
            writer.CloseBlock(",");
            writer.WriteLine("cancellationToken).ConfigureAwait(false);");
            writer.Unindent();

            if (hasOutputs)
            {
                var decoded = task.Outputs.Select(output => Decode(
                    output.TypeName,
                    Signature(task.Interface.Outputs, output.Name),
                    "Output(" + outputs + ", " + spec.Class.FullyQualifiedDescriptorClassName + "." + task.BaseName + "TaskName, " + CSharpSource.StringLiteral(output.Name) + ")")).ToList();
                if (task.Outputs[0].TupleElement is null)
                {
                    writer.WriteLine("return " + decoded[0] + ";");
                }
                else
                {
                    writer.WriteLine("return (");
                    writer.Indent();
                    for (var i = 0; i < decoded.Count; i++)
                    {
                        writer.WriteLine(decoded[i] + (i < decoded.Count - 1 ? "," : ");"));
                    }

                    writer.Unindent();
                }
            }

            writer.CloseBlock();
        }

        /// <summary>The nullability signature of variable <paramref name="name"/>, null when nothing in it is nullable.</summary>
        internal static string? Signature(FlyteSharp.Core.EquatableArray<FlyteVariable> variables, string name) =>
            variables.Where(v => v.Name == name).Select(v => NullabilitySignature.Of(v.Type)).FirstOrDefault();

        /// <summary>
        /// Encodes <paramref name="value"/>: with its nullability signature when a position is nullable (a
        /// <c>string?</c> is a Flyte union, which <c>typeof(T)</c> cannot tell), else by its run-time type.
        /// </summary>
        internal static string Encode(string typeName, string? signature, string value) =>
            signature is null
                ? CodeNames.LiteralConverter + ".ToLiteral<" + typeName + ">(" + value + ")"
                : CodeNames.LiteralConverter + ".For<" + typeName + ">(" + CSharpSource.StringLiteral(signature) + ").ToLiteral(" + value + ")";

        /// <summary>Decodes <paramref name="literal"/> the way <see cref="Encode"/> encodes.</summary>
        internal static string Decode(string typeName, string? signature, string literal) =>
            signature is null
                ? CodeNames.LiteralConverter + ".FromLiteral<" + typeName + ">(" + literal + ")"
                : CodeNames.LiteralConverter + ".For<" + typeName + ">(" + CSharpSource.StringLiteral(signature) + ").FromLiteral(" + literal + ")";

        /// <summary>The typed client's parameters: the task's inputs, then the cancellation token.</summary>
        private static IEnumerable<string> Parameters(TaskSpec task)
        {
            foreach (var parameter in task.Parameters.Where(p => !p.IsCancellationToken))
            {
                yield return parameter.TypeName + " " + parameter.Identifier + (parameter.DefaultValue is null ? string.Empty : " = " + parameter.DefaultValue);
            }

            yield return CodeNames.CancellationToken + " cancellationToken = default";
        }

        private static string Signature(TaskSpec task, IReadOnlyList<string> parameters, bool isAsync = false)
        {
            var returnType = task.ResultTypeName is null ? CodeNames.Task : CodeNames.Task + "<" + task.ResultTypeName + ">";
            var modifiers = isAsync ? "public async " : string.Empty;
            return modifiers + returnType + " " + task.BaseName + "Async(" + string.Join(", ", parameters) + ")";
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
