using Microsoft.CodeAnalysis;

namespace FlyteSharp.Generator.Parser
{
    /// <summary>How the parser names symbols: in generated code, in messages, and by metadata name.</summary>
    internal static class SymbolNames
    {
        /// <summary>Generated code: <c>global::</c>-qualified, nullable annotations kept.</summary>
        public static readonly SymbolDisplayFormat Code =
            SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        /// <summary>Diagnostic messages: short names a reader recognises.</summary>
        public static readonly SymbolDisplayFormat Message = new(
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
            genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
            miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes
                | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers
                | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        /// <summary>Names <paramref name="symbol"/> in generated code.</summary>
        public static string ForCode(ISymbol symbol) => symbol.ToDisplayString(Code);

        /// <summary>Names <paramref name="symbol"/> in a message.</summary>
        public static string ForMessage(ISymbol symbol) => symbol.ToDisplayString(Message);

        /// <summary>
        /// The metadata name of a top-level type (<c>System.Collections.Generic.List`1</c>); empty for nested
        /// types, which are never among the types the generator recognises by name.
        /// </summary>
        public static string MetadataName(ITypeSymbol type)
        {
            var definition = type.OriginalDefinition;
            if (definition.ContainingType is not null)
            {
                return string.Empty;
            }

            var containingNamespace = definition.ContainingNamespace;
            return containingNamespace is null || containingNamespace.IsGlobalNamespace
                ? definition.MetadataName
                : containingNamespace.ToDisplayString() + "." + definition.MetadataName;
        }

        /// <summary>The accessibility of <paramref name="accessibility"/> as C# spells it.</summary>
        public static string Keyword(Accessibility accessibility) => accessibility switch
        {
            Accessibility.Private => "private",
            Accessibility.ProtectedAndInternal => "private protected",
            Accessibility.Protected => "protected",
            Accessibility.Internal => "internal",
            Accessibility.ProtectedOrInternal => "protected internal",
            Accessibility.Public => "public",
            _ => "not accessible",
        };

        /// <summary>
        /// The first type of <paramref name="type"/> and its containing types that is not public, or null when
        /// the type is visible wherever its assembly is.
        /// </summary>
        public static INamedTypeSymbol? FirstNonPublic(INamedTypeSymbol type)
        {
            for (var current = type; current is not null; current = current.ContainingType)
            {
                if (current.DeclaredAccessibility != Accessibility.Public)
                {
                    return current;
                }
            }

            return null;
        }
    }
}
