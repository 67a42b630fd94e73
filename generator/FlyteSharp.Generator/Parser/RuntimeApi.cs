using Microsoft.CodeAnalysis;

namespace FlyteSharp.Generator.Parser
{
    /// <summary>What the FlyteSharp runtime a compilation references offers to generated code.</summary>
    internal static class RuntimeApi
    {
        /// <summary>
        /// Whether the runtime has <c>LiteralConverter.For&lt;T&gt;(string nullabilitySignature)</c>. Until it does,
        /// generated code can only use <c>ToLiteral&lt;T&gt;</c>/<c>FromLiteral&lt;T&gt;</c>.
        /// </summary>
        // TODO(merge): once branch 'literals' is merged every runtime has it; the check can go and the emitter
        // can always use signatures.
        public static bool AcceptsNullabilitySignatures(Compilation compilation)
        {
            var converter = compilation.GetTypeByMetadataName("FlyteSharp.Literals.LiteralConverter");
            if (converter is null)
            {
                return false;
            }

            foreach (var member in converter.GetMembers("For"))
            {
                if (member is IMethodSymbol { TypeParameters.Length: 1, Parameters: [{ Type.SpecialType: SpecialType.System_String }] })
                {
                    return true;
                }
            }

            return false;
        }
    }
}
