using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FlyteSharp.Core;
using FlyteSharp.Generator.Diagnostics;
using FlyteSharp.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FlyteSharp.Generator.Parser
{
    /// <summary>Reads a type marked <c>[BlobFormat("...")]</c> in this compilation.</summary>
    internal static class FormatDeclarationParser
    {
        /// <summary>Parses the type <paramref name="context"/> targets.</summary>
        public static FormatDeclaration Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var type = (INamedTypeSymbol)context.TargetSymbol;
            var attribute = context.Attributes[0];
            var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
            var location = syntax?.ArgumentList?.Arguments.FirstOrDefault()?.GetLocation() ?? syntax?.GetLocation();
            var typeName = SymbolNames.ForMessage(type);
            var formatName = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;

            var diagnostics = new List<DiagnosticInfo>();
            if (string.IsNullOrWhiteSpace(formatName))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EmptyFormatName, location, typeName));
            }
            else
            {
                var shipped = ShippedFormatClaiming(context.SemanticModel.Compilation, type, formatName!);
                if (shipped is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateFormatName, location, typeName, formatName!, shipped));
                }
            }

            return new FormatDeclaration(typeName, formatName ?? string.Empty, LocationInfo.From(location), diagnostics.ToEquatableArray());
        }

        /// <summary>
        /// The format type FlyteSharp ships (<c>FlyteSharp.Formats</c> in a referenced assembly) that already
        /// claims <paramref name="formatName"/>, if any; types declared in this compilation are compared with each
        /// other after collection instead.
        /// </summary>
        private static string? ShippedFormatClaiming(Compilation compilation, INamedTypeSymbol declared, string formatName)
        {
            var formats = compilation.GetTypeByMetadataName(KnownTypeNames.FlyteTaskAttribute)?.ContainingAssembly.GlobalNamespace
                .GetNamespaceMembers().FirstOrDefault(n => n.Name == "FlyteSharp")?
                .GetNamespaceMembers().FirstOrDefault(n => n.Name == "Formats");
            if (formats is null || SymbolEqualityComparer.Default.Equals(formats.ContainingAssembly, compilation.Assembly))
            {
                return null;
            }

            foreach (var candidate in formats.GetTypeMembers().OrderBy(t => t.MetadataName, System.StringComparer.Ordinal))
            {
                if (SymbolEqualityComparer.Default.Equals(candidate, declared))
                {
                    continue;
                }

                var claimed = candidate.GetAttributes()
                    .Where(a => a.AttributeClass is { } c && SymbolNames.MetadataName(c) == KnownTypeNames.BlobFormatAttribute)
                    .Select(a => a.ConstructorArguments.Length == 1 ? a.ConstructorArguments[0].Value as string : null)
                    .FirstOrDefault();
                if (claimed is not null && string.Equals(claimed, formatName, System.StringComparison.OrdinalIgnoreCase))
                {
                    return SymbolNames.ForMessage(candidate);
                }
            }

            return null;
        }
    }
}
