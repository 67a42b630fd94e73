using System.Text;
using Microsoft.CodeAnalysis;

namespace FlyteSharp.Generator.Parser
{
    /// <summary>
    /// The nullability signature of a type for <c>LiteralConverter.For&lt;T&gt;(signature)</c>: one character per
    /// type position in pre-order (the type, then a collection's element or a map's value), <c>?</c> where null is
    /// allowed, <c>!</c> where it is not (see <c>FlyteSharp.Typing.NullabilitySignature</c>). Nullable reference
    /// annotations are gone from <c>typeof(T)</c> at run time, so only the compiler can say that a <c>string?</c>
    /// input is the Flyte union <c>[str, none]</c>.
    /// </summary>
    internal static class NullabilitySignatures
    {
        private const char Nullable = '?';
        private const char NotNull = '!';

        /// <summary>
        /// The signature of <paramref name="type"/>, or null when the run-time type already says everything
        /// (no nullable reference position), so the plain <c>ToLiteral&lt;T&gt;</c> is exact.
        /// </summary>
        public static string? For(ITypeSymbol type)
        {
            var signature = new StringBuilder();
            var needed = false;
            Append(type, signature, ref needed);
            return needed ? signature.ToString() : null;
        }

        private static void Append(ITypeSymbol type, StringBuilder signature, ref bool needed)
        {
            var inner = type;
            var nullable = false;
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullableValue)
            {
                nullable = true;
                inner = nullableValue.TypeArguments[0];
            }
            else if (type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated)
            {
                nullable = true;
                needed = true;
            }

            signature.Append(nullable ? Nullable : NotNull);
            var child = Child(inner);
            if (child is not null)
            {
                Append(child, signature, ref needed);
            }
        }

        /// <summary>A collection's element type or a map's value type, the positions the signature continues with.</summary>
        private static ITypeSymbol? Child(ITypeSymbol type)
        {
            if (type is IArrayTypeSymbol array)
            {
                return array.ElementType;
            }

            if (type is not INamedTypeSymbol named)
            {
                return null;
            }

            switch (SymbolNames.MetadataName(named))
            {
                case KnownTypeNames.List:
                case KnownTypeNames.IList:
                case KnownTypeNames.ICollection:
                case KnownTypeNames.IEnumerable:
                case KnownTypeNames.IReadOnlyList:
                case KnownTypeNames.IReadOnlyCollection:
                    return named.TypeArguments[0];
                case KnownTypeNames.Dictionary:
                case KnownTypeNames.IDictionary:
                case KnownTypeNames.IReadOnlyDictionary:
                    return named.TypeArguments[1];
                default:
                    return null;
            }
        }

        /// <summary>
        /// Whether the runtime the compilation references has <c>LiteralConverter.For&lt;T&gt;(string)</c>. Until it
        /// does, generated code can only use <c>ToLiteral&lt;T&gt;</c>/<c>FromLiteral&lt;T&gt;</c>.
        /// </summary>
        // TODO(merge): once branch 'literals' is merged every runtime has it; the check can go and the emitter
        // can always use signatures.
        public static bool RuntimeAcceptsSignatures(Compilation compilation)
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
