namespace FlyteSharp.Generator.Emitter
{
    /// <summary>Fully qualified names of the types generated code uses.</summary>
    internal static class CodeNames
    {
        public const string Task = "global::System.Threading.Tasks.Task";
        public const string CancellationToken = "global::System.Threading.CancellationToken";
        public const string ServiceProvider = "global::System.IServiceProvider";
        public const string ArgumentNullException = "global::System.ArgumentNullException";
        public const string InvalidOperationException = "global::System.InvalidOperationException";
        public const string GetRequiredService = "global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService";
        public const string ServiceCollectionExtensions = "global::Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions";
        public const string FlyteBuilder = "global::FlyteSharp.DependencyInjection.IFlyteBuilder";
        public const string TaskRunner = "global::FlyteSharp.Running.IFlyteTaskRunner";
        public const string TaskDescriptor = "global::FlyteSharp.Running.FlyteTaskDescriptor";
        public const string LiteralConverter = "global::FlyteSharp.Literals.LiteralConverter";
        public const string Literal = "global::Flyteidl.Core.Literal";
        public const string LiteralMap = "global::Flyteidl.Core.LiteralMap";
        public const string TypedInterface = "global::Flyteidl.Core.TypedInterface";
        public const string VariableMap = "global::Flyteidl.Core.VariableMap";
        public const string Variable = "global::Flyteidl.Core.Variable";
        public const string LiteralType = "global::Flyteidl.Core.LiteralType";
        public const string SimpleType = "global::Flyteidl.Core.SimpleType";
        public const string BlobType = "global::Flyteidl.Core.BlobType";
        public const string BlobDimensionality = "global::Flyteidl.Core.BlobType.Types.BlobDimensionality";
        public const string EnumType = "global::Flyteidl.Core.EnumType";
        public const string UnionType = "global::Flyteidl.Core.UnionType";
        public const string TypeStructure = "global::Flyteidl.Core.TypeStructure";
        public const string GeneratedCodeAttribute = "global::System.CodeDom.Compiler.GeneratedCodeAttribute";

        /// <summary>The <c>[GeneratedCode]</c> attribute every generated type carries.</summary>
        public static readonly string GeneratedCode =
            "[" + GeneratedCodeAttribute + "(\"FlyteSharp.Generator\", \"" + typeof(CodeNames).Assembly.GetName().Version?.ToString(3) + "\")]";
    }
}
