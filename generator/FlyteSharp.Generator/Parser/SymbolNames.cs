using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;

namespace FlyteSharp.Generator.Parser
{
    /// <summary>
    /// How the parser names symbols: in generated code, in messages, and by metadata name.
    /// </summary>
    /// <remarks>
    /// The parser runs for every task method on every compilation change (that is how
    /// <c>ForAttributeWithMetadataName</c> works), so naming is on the hot path: generated-code names are written
    /// directly instead of through <c>ToDisplayString</c>, and namespace and metadata names are cached per symbol (the
    /// framework's namespaces and types are the same symbols in every compilation).
    /// </remarks>
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

        private static readonly ConditionalWeakTable<INamespaceSymbol, NamespaceNames> NamespaceNameCache = new();

        private static readonly ConditionalWeakTable<ITypeSymbol, string> MetadataNameCache = new();

        /// <summary>
        /// Names <paramref name="symbol"/> in generated code, exactly as <see cref="Code"/> would
        /// (e.g. <c>global::System.Collections.Generic.List&lt;string?&gt;</c>, <c>int?</c>, <c>(int count, string)</c>).
        /// </summary>
        public static string ForCode(ISymbol symbol)
        {
            if (symbol is not ITypeSymbol type)
            {
                return symbol.ToDisplayString(Code);
            }

            var builder = new StringBuilder(64);
            return AppendCode(builder, type) ? builder.ToString() : type.ToDisplayString(Code);
        }

        /// <summary>Names <paramref name="symbol"/> in a message.</summary>
        public static string ForMessage(ISymbol symbol) => symbol.ToDisplayString(Message);

        /// <summary>
        /// The metadata name of a top-level type (<c>System.Collections.Generic.List`1</c>); empty for nested
        /// types, which are never among the types the generator recognises by name.
        /// </summary>
        public static string MetadataName(ITypeSymbol type) =>
            MetadataNameCache.GetValue(type.OriginalDefinition, static definition =>
            {
                if (definition.ContainingType is not null)
                {
                    return string.Empty;
                }

                var containingNamespace = definition.ContainingNamespace;
                return containingNamespace is null || containingNamespace.IsGlobalNamespace
                    ? definition.MetadataName
                    : NamesOf(containingNamespace).Dotted + "." + definition.MetadataName;
            });

        /// <summary>A namespace as generated code writes it (keywords escaped, no <c>global::</c>); empty for the global one.</summary>
        public static string NamespaceForCode(INamespaceSymbol? symbol) =>
            symbol is null || symbol.IsGlobalNamespace ? string.Empty : NamesOf(symbol).Code;

        /// <summary>A namespace's dotted name as written in metadata and task names; empty for the global one.</summary>
        public static string NamespaceName(INamespaceSymbol? symbol) =>
            symbol is null || symbol.IsGlobalNamespace ? string.Empty : NamesOf(symbol).Dotted;

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

        private static NamespaceNames NamesOf(INamespaceSymbol symbol) =>
            NamespaceNameCache.GetValue(symbol, static s =>
            {
                var parent = s.ContainingNamespace;
                if (parent is null || parent.IsGlobalNamespace)
                {
                    return new NamespaceNames(s.Name, CSharpSource.Identifier(s.Name));
                }

                var names = NamesOf(parent);
                return new NamespaceNames(names.Dotted + "." + s.Name, names.Code + "." + CSharpSource.Identifier(s.Name));
            });

        /// <summary>Appends the generated-code name of <paramref name="type"/>; false for shapes left to Roslyn's formatter.</summary>
        private static bool AppendCode(StringBuilder builder, ITypeSymbol type)
        {
            switch (type)
            {
                case INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable:
                    if (!AppendCode(builder, nullable.TypeArguments[0]))
                    {
                        return false;
                    }

                    builder.Append('?');
                    return true;
                case INamedTypeSymbol { IsTupleType: true } tuple:
                    builder.Append('(');
                    for (var i = 0; i < tuple.TupleElements.Length; i++)
                    {
                        var element = tuple.TupleElements[i];
                        if (i > 0)
                        {
                            builder.Append(", ");
                        }

                        if (!AppendCode(builder, element.Type))
                        {
                            return false;
                        }

                        if (element.IsExplicitlyNamedTupleElement)
                        {
                            builder.Append(' ').Append(CSharpSource.Identifier(element.Name));
                        }
                    }

                    builder.Append(')');
                    return true;
                case INamedTypeSymbol { IsNativeIntegerType: true }:
                    return false;
                case INamedTypeSymbol named when Keyword(named.SpecialType) is { } keyword:
                    builder.Append(keyword);
                    break;
                case INamedTypeSymbol named when named.TypeKind != TypeKind.Error:
                    if (named.ContainingType is not null)
                    {
                        if (!AppendCode(builder, named.ContainingType))
                        {
                            return false;
                        }

                        builder.Append('.');
                    }
                    else
                    {
                        builder.Append("global::");
                        var containingNamespace = NamespaceForCode(named.ContainingNamespace);
                        if (containingNamespace.Length > 0)
                        {
                            builder.Append(containingNamespace).Append('.');
                        }
                    }

                    builder.Append(CSharpSource.Identifier(named.Name));
                    if (named.TypeArguments.Length > 0)
                    {
                        builder.Append('<');
                        for (var i = 0; i < named.TypeArguments.Length; i++)
                        {
                            if (i > 0)
                            {
                                builder.Append(", ");
                            }

                            if (!AppendCode(builder, named.TypeArguments[i]))
                            {
                                return false;
                            }
                        }

                        builder.Append('>');
                    }

                    break;
                case IArrayTypeSymbol { ElementType: not IArrayTypeSymbol } array:
                    if (!AppendCode(builder, array.ElementType))
                    {
                        return false;
                    }

                    builder.Append('[').Append(',', array.Rank - 1).Append(']');
                    break;
                default:
                    return false;
            }

            if (type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated)
            {
                builder.Append('?');
            }

            return true;
        }

        private static string? Keyword(SpecialType specialType) => specialType switch
        {
            SpecialType.System_Object => "object",
            SpecialType.System_Boolean => "bool",
            SpecialType.System_Char => "char",
            SpecialType.System_SByte => "sbyte",
            SpecialType.System_Byte => "byte",
            SpecialType.System_Int16 => "short",
            SpecialType.System_UInt16 => "ushort",
            SpecialType.System_Int32 => "int",
            SpecialType.System_UInt32 => "uint",
            SpecialType.System_Int64 => "long",
            SpecialType.System_UInt64 => "ulong",
            SpecialType.System_Decimal => "decimal",
            SpecialType.System_Single => "float",
            SpecialType.System_Double => "double",
            SpecialType.System_String => "string",
            SpecialType.System_Void => "void",
            _ => null,
        };

        private sealed class NamespaceNames
        {
            public NamespaceNames(string dotted, string code)
            {
                Dotted = dotted;
                Code = code;
            }

            public string Dotted { get; }

            public string Code { get; }
        }
    }
}
