using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using FlyteSharp.Core;
using FlyteSharp.Generator.Diagnostics;
using FlyteSharp.Generator.Model;
using FlyteSharp.Generator.Parser;
using FlyteSharp.Typing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FlyteSharp.Generator.ReferenceTasks
{
    /// <summary>
    /// Reads one <c>[FlyteReferenceTask]</c> method into a <see cref="ReferenceMethod"/>: the only reference-task code
    /// that touches symbols. The check against the pinned interface is <see cref="ReferenceTaskChecker"/>.
    /// </summary>
    internal static class ReferenceTaskParser
    {
        /// <summary>Reads the method <paramref name="context"/> targets.</summary>
        public static ReferenceMethod Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var method = (IMethodSymbol)context.TargetSymbol;
            var syntax = (MethodDeclarationSyntax)context.TargetNode;
            var attribute = context.Attributes[0];
            var type = method.ContainingType;
            var display = type.Name + "." + method.Name;
            var diagnostics = new List<DiagnosticInfo>();
            var skipped = false;
            var methodLocation = syntax.Identifier.GetLocation();
            void Invalid(Location? location, string reason) =>
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidReferenceTask, location ?? methodLocation, display, reason));

            // Found by every method of the interface: named after the interface so the pipeline reports it once.
            void InvalidInterface(Location? location, string reason) =>
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidReferenceTask, location ?? methodLocation, type.Name, reason));

            var info = new ReferenceInterfaceInfo(
                SymbolNames.NamespaceForCode(type.ContainingNamespace),
                type.Name,
                SymbolNames.ForCode(type),
                (SymbolNames.NamespaceName(type.ContainingNamespace) is { Length: > 0 } ns ? ns + "." : string.Empty) + type.Name,
                type.DeclaredAccessibility == Accessibility.Public);

            if (type.TypeKind != TypeKind.Interface)
            {
                Invalid(methodLocation, "it is not declared in an interface; declare it on a method of a partial interface");
            }
            else if (type.ContainingType is not null || type.IsGenericType)
            {
                Invalid(methodLocation, "its interface '" + SymbolNames.ForMessage(type) + "' is " + (type.IsGenericType ? "generic" : "nested in a type") + "; declare it in a top-level, non-generic interface");
            }
            else
            {
                foreach (var member in type.GetMembers().Where(m => m.IsAbstract && !HasReferenceAttribute(m)))
                {
                    InvalidInterface(member.Locations.FirstOrDefault(), "its interface has the member '" + member.Name + "' without [FlyteReferenceTask], which the generated implementation cannot implement");
                }

                if (type.AllInterfaces.Any(i => i.GetMembers().Any(m => m.IsAbstract)))
                {
                    Invalid(methodLocation, "its interface inherits members from another interface, which the generated implementation cannot implement");
                }

                if (type.GetMembers(method.Name).Length > 1)
                {
                    Invalid(methodLocation, "its interface has another member named '" + method.Name + "'; reference tasks cannot be overloaded");
                }
            }

            if (method.IsGenericMethod)
            {
                Invalid(syntax.TypeParameterList?.GetLocation(), "it is generic");
            }

            var id = ReadAttribute(attribute, Invalid, cancellationToken, out var interfaceFileLocation);

            // Inputs.
            var parameters = new List<TaskParameterSpec>();
            var inputs = new List<ReferenceInput>();
            foreach (var parameter in method.Parameters)
            {
                var location = parameter.Locations.FirstOrDefault() ?? methodLocation;
                if (parameter.RefKind != RefKind.None)
                {
                    Invalid(location, "its parameter '" + parameter.Name + "' is passed by reference");
                    continue;
                }

                var isToken = SymbolNames.MetadataName(parameter.Type) == KnownTypeNames.CancellationToken;
                parameters.Add(new TaskParameterSpec(parameter.Name, CSharpSource.Identifier(parameter.Name), SymbolNames.ForCode(parameter.Type), isToken, CSharpSource.DefaultValue(parameter), string.Empty));
                if (isToken)
                {
                    continue;
                }

                var typeLocation = (parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as ParameterSyntax)?.Type?.GetLocation() ?? location;
                var mapping = FlyteTypeMapper.Map(parameter.Type);
                if (mapping.Type is null)
                {
                    skipped |= Report(diagnostics, mapping, typeLocation, display, parameter.Name, parameter.Type, isReturn: false);
                    continue;
                }

                inputs.Add(new ReferenceInput(new FlyteVariable(parameter.Name, mapping.Type), LocationInfo.From(typeLocation)));
            }

            // Outputs: Task (none) or Task<T> (o0, or one per tuple element).
            string? resultTypeName = null;
            var outputs = new List<TaskOutputSpec>();
            var outputTypes = new List<FlyteVariable>();
            var returnLocation = syntax.ReturnType.GetLocation();
            switch (SymbolNames.MetadataName(method.ReturnType))
            {
                case KnownTypeNames.Task:
                    break;
                case KnownTypeNames.TaskOfT:
                    var result = ((INamedTypeSymbol)method.ReturnType).TypeArguments[0];
                    resultTypeName = SymbolNames.ForCode(result);
                    var elements = result is INamedTypeSymbol { IsTupleType: true } tuple
                        ? tuple.TupleElements.Select((e, i) => (Name: e.IsExplicitlyNamedTupleElement ? e.Name : "o" + i.ToString(CultureInfo.InvariantCulture), e.Type, Element: (string?)("Item" + (i + 1).ToString(CultureInfo.InvariantCulture)))).ToList()
                        : new List<(string Name, ITypeSymbol Type, string? Element)> { ("o0", result, null) };
                    foreach (var (name, elementType, element) in elements)
                    {
                        var mapping = FlyteTypeMapper.Map(elementType);
                        if (mapping.Type is null)
                        {
                            skipped |= Report(diagnostics, mapping, returnLocation, display, name, method.ReturnType, isReturn: true);
                            continue;
                        }

                        outputs.Add(new TaskOutputSpec(name, SymbolNames.ForCode(elementType), element));
                        outputTypes.Add(new FlyteVariable(name, mapping.Type));
                    }

                    break;
                default:
                    Invalid(returnLocation, "it returns '" + SymbolNames.ForMessage(method.ReturnType) + "'; a reference task returns Task or Task<T>");
                    break;
            }

            var hasErrors = skipped || diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error);
            return new ReferenceMethod(
                info,
                method.Name,
                hasErrors ? null : id,
                resultTypeName,
                parameters.ToEquatableArray(),
                inputs.ToEquatableArray(),
                outputs.ToEquatableArray(),
                outputTypes.ToEquatableArray(),
                diagnostics.ToEquatableArray(),
                LocationInfo.From(methodLocation),
                LocationInfo.From(returnLocation),
                LocationInfo.From(interfaceFileLocation));
        }

        private static bool HasReferenceAttribute(ISymbol member) =>
            member.GetAttributes().Any(a => a.AttributeClass is { } c && SymbolNames.MetadataName(c) == KnownTypeNames.FlyteReferenceTaskAttribute);

        private static ReferenceTaskId? ReadAttribute(AttributeData attribute, Action<Location?, string> invalid, CancellationToken cancellationToken, out Location? interfaceFileLocation)
        {
            var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
            var arguments = syntax?.ArgumentList?.Arguments;
            Location? Positional(int index) =>
                arguments is { } list && index < list.Count && list[index].NameEquals is null ? list[index].Expression.GetLocation() : syntax?.GetLocation();
            Location? Named(string name) =>
                arguments?.FirstOrDefault(a => a.NameEquals?.Name.Identifier.Text == name)?.Expression.GetLocation() ?? syntax?.GetLocation();

            interfaceFileLocation = Named("InterfaceFile");
            if (attribute.ConstructorArguments.Length != 4)
            {
                return null; // The compiler reports the missing arguments.
            }

            var names = new[] { "project", "domain", "name", "version" };
            var values = new string[4];
            var valid = true;
            for (var i = 0; i < 4; i++)
            {
                values[i] = attribute.ConstructorArguments[i].Value as string ?? string.Empty;
                if (string.IsNullOrWhiteSpace(values[i]))
                {
                    invalid(Positional(i), "its " + names[i] + " is empty");
                    valid = false;
                }
            }

            var named = attribute.NamedArguments.ToDictionary(a => a.Key, a => a.Value.Value as string, StringComparer.Ordinal);
            named.TryGetValue("InterfaceFile", out var interfaceFile);
            named.TryGetValue("CacheVersion", out var cacheVersion);
            if (string.IsNullOrWhiteSpace(interfaceFile))
            {
                invalid(interfaceFileLocation, "InterfaceFile is " + (interfaceFile is null ? "not set" : "empty") + "; pin the remote task's interface in an AdditionalFiles item and name it");
                valid = false;
            }

            if (cacheVersion is null || cacheVersion.Trim(' ').Length == 0)
            {
                invalid(Named("CacheVersion"), "CacheVersion is " + (cacheVersion is null ? "not set" : "empty") + "; set the remote task's cache version (cache_version in flytekit)");
                valid = false;
            }

            return valid ? new ReferenceTaskId(values[0], values[1], values[2], values[3], cacheVersion!, interfaceFile!) : null;
        }

        // The same diagnostics a [FlyteTask] gets for a type without a Flyte type; true when the compiler reports it.
        private static bool Report(List<DiagnosticInfo> diagnostics, TypeMapping mapping, Location location, string display, string name, ITypeSymbol declared, bool isReturn)
        {
            var culprit = mapping.Culprit is null ? string.Empty : SymbolNames.ForMessage(mapping.Culprit);
            switch (mapping.Problem)
            {
                case TypeProblemKind.Unsupported when isReturn:
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedReturnType, location, display, SymbolNames.ForMessage(declared), mapping.Detail));
                    return false;
                case TypeProblemKind.Unsupported:
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedParameterType, location, name, display, SymbolNames.ForMessage(declared), mapping.Detail));
                    return false;
                case TypeProblemKind.FormatWithoutAttribute:
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FormatWithoutAttribute, location, isReturn ? "Output '" + name + "'" : "Parameter '" + name + "'", display, culprit));
                    return false;
                case TypeProblemKind.EmptyFormatName:
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EmptyFormatName, location, culprit));
                    return false;
                default:
                    return true;
            }
        }
    }
}
