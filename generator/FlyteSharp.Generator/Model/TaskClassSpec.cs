using FlyteSharp.Core;

namespace FlyteSharp.Generator.Model
{
    /// <summary>Everything the emitter needs to write the generated file of one task class.</summary>
    /// <remarks>
    /// Every model type is an immutable record of strings, enums, other model records and
    /// <see cref="EquatableArray{T}"/>: the incremental pipeline compares models by value to decide whether a
    /// file must be written again, so no <c>ISymbol</c>, <c>Compilation</c>, syntax node or location may live here
    /// (a test walks these types by reflection to keep it so).
    /// </remarks>
    internal sealed record TaskClassSpec(TaskClassInfo Class, EquatableArray<TaskSpec> Tasks)
    {
        /// <summary>Whether any task is an instance method, so the class itself must be registered and resolved.</summary>
        public bool HasInstanceTasks
        {
            get
            {
                foreach (var task in Tasks)
                {
                    if (!task.IsStatic)
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }

    /// <summary>The user's class that declares tasks, and the names of what is generated for it.</summary>
    /// <param name="Namespace">The class's namespace, empty for the global namespace.</param>
    /// <param name="Name">The class's simple name <c>C</c>; generated types are <c>IC</c> and <c>CFlyte</c>.</param>
    /// <param name="FullyQualifiedName">The class as generated code names it, e.g. <c>global::Sales.SalesTasks</c>.</param>
    /// <param name="HintName">A name unique in the compilation, for the generated file.</param>
    /// <remarks>Immutable and equatable: see <see cref="TaskClassSpec"/>.</remarks>
    internal sealed record TaskClassInfo(string Namespace, string Name, string FullyQualifiedName, string HintName)
    {
        /// <summary>The generated interface, <c>IC</c>.</summary>
        public string InterfaceName => "I" + Name;

        /// <summary>The generated static class holding descriptors and the DI registration, <c>CFlyte</c>.</summary>
        public string DescriptorClassName => Name + "Flyte";

        /// <summary>The generated DI registration method, <c>AddC</c>.</summary>
        public string RegistrationMethodName => "Add" + Name;

        /// <summary>The generated interface as generated code names it.</summary>
        public string FullyQualifiedInterfaceName => Qualify(InterfaceName);

        /// <summary>The generated descriptor class as generated code names it.</summary>
        public string FullyQualifiedDescriptorClassName => Qualify(DescriptorClassName);

        private string Qualify(string typeName) =>
            Namespace.Length == 0 ? "global::" + typeName : "global::" + Namespace + "." + typeName;
    }
}
