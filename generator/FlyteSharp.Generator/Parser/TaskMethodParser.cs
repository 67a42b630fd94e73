using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FlyteSharp.Core;
using FlyteSharp.Generator.CacheLock;
using FlyteSharp.Generator.Diagnostics;
using FlyteSharp.Generator.Model;
using FlyteSharp.Typing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FlyteSharp.Generator.Parser
{
    /// <summary>
    /// Turns one <c>[FlyteTask]</c> method into a <see cref="TaskMethodResult"/>: symbols are read here and
    /// nowhere else, so everything after this step is plain equatable data.
    /// </summary>
    internal static class TaskMethodParser
    {
        private const string AsyncSuffix = "Async";
        private const string CancellationTokenParameterName = "cancellationToken";

        /// <summary>Parses the method <paramref name="context"/> targets.</summary>
        public static TaskMethodResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
            new TaskMethodParse((IMethodSymbol)context.TargetSymbol, context.TargetNode, context.Attributes[0], cancellationToken).Run();

        /// <summary>Parses <paramref name="method"/> declared by <paramref name="syntax"/>, for the analyzers.</summary>
        public static TaskMethodResult Parse(IMethodSymbol method, SyntaxNode syntax, AttributeData attribute, CancellationToken cancellationToken) =>
            new TaskMethodParse(method, syntax, attribute, cancellationToken).Run();

        /// <summary>The method name without a trailing <c>Async</c> (unless that would leave nothing).</summary>
        public static string BaseName(string methodName) =>
            methodName.Length > AsyncSuffix.Length && methodName.EndsWith(AsyncSuffix, StringComparison.Ordinal)
                ? methodName.Substring(0, methodName.Length - AsyncSuffix.Length)
                : methodName;

        // A class's tasks are parsed one by one, against one compilation's symbols: name the class once.
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<INamedTypeSymbol, TaskClassInfo> ClassInfoCache = new();

        /// <summary>The class as the model names it.</summary>
        public static TaskClassInfo ClassInfo(INamedTypeSymbol type) => ClassInfoCache.GetValue(type, NameClass);

        private static TaskClassInfo NameClass(INamedTypeSymbol type)
        {
            var hintName = string.Join("+", ContainingTypes(type).Select(t => t.Name));
            var rawNamespace = SymbolNames.NamespaceName(type.ContainingNamespace);
            return new TaskClassInfo(
                SymbolNames.NamespaceForCode(type.ContainingNamespace),
                type.Name,
                SymbolNames.ForCode(type),
                rawNamespace.Length == 0 ? hintName : rawNamespace + "." + hintName);
        }

        private static Stack<INamedTypeSymbol> ContainingTypes(INamedTypeSymbol type)
        {
            var chain = new Stack<INamedTypeSymbol>();
            for (var current = type; current is not null; current = current.ContainingType)
            {
                chain.Push(current);
            }

            return chain;
        }

        private sealed class TaskMethodParse
        {
            private readonly IMethodSymbol method;
            private readonly INamedTypeSymbol type;
            private readonly SyntaxNode syntax;
            private readonly AttributeData attribute;
            private readonly CancellationToken cancellationToken;
            private readonly List<DiagnosticInfo> diagnostics = new();
            private readonly string taskDisplay;

            // Set when a problem the compiler reports itself stops the task: nothing to add, but nothing to generate.
            private bool skipped;
            private Location? methodLocation;

            public TaskMethodParse(IMethodSymbol method, SyntaxNode syntax, AttributeData attribute, CancellationToken cancellationToken)
            {
                this.method = method;
                type = method.ContainingType;
                this.syntax = syntax;
                this.attribute = attribute;
                this.cancellationToken = cancellationToken;
                taskDisplay = type.Name + "." + method.Name;
            }

            private bool HasErrors => skipped || diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error);

            private Location MethodLocation => methodLocation ??= syntax switch
            {
                MethodDeclarationSyntax declaration => declaration.Identifier.GetLocation(),
                LocalFunctionStatementSyntax local => local.Identifier.GetLocation(),
                _ => syntax.GetLocation(),
            };

            private Location ReturnTypeLocation => syntax switch
            {
                MethodDeclarationSyntax declaration => declaration.ReturnType.GetLocation(),
                LocalFunctionStatementSyntax local => local.ReturnType.GetLocation(),
                _ => syntax.GetLocation(),
            };

            public TaskMethodResult Run()
            {
                var classInfo = ClassInfo(type);
                var baseName = BaseName(method.Name);
                var arguments = TaskAttributeArguments.Read(attribute, cancellationToken);
                var defaultTaskName = DefaultTaskName(baseName);

                string? taskName = defaultTaskName;
                var taskNameLocation = MethodLocation;
                if (arguments.Name is not null)
                {
                    taskNameLocation = arguments.LocationOf("Name") ?? MethodLocation;
                    taskName = arguments.Name;
                    if (string.IsNullOrWhiteSpace(arguments.Name))
                    {
                        Report(DiagnosticDescriptors.EmptyTaskName, taskNameLocation, taskDisplay, defaultTaskName);
                        taskName = null;
                    }
                }

                CheckDeclaration();
                var parameters = ReadParameters(out var inputs);
                var outputs = ReadReturn(out var invocation, out var resultTypeName, out var outputVariables);
                var cache = ReadCache(arguments, taskName ?? defaultTaskName, parameters, new FlyteInterface(inputs, outputVariables));

                var methodLocationInfo = LocationInfo.From(MethodLocation);
                var identity = new TaskIdentity(
                    classInfo.HintName,
                    method.Name,
                    baseName,
                    taskName,
                    ReferenceEquals(taskNameLocation, MethodLocation) ? methodLocationInfo : LocationInfo.From(taskNameLocation),
                    methodLocationInfo);

                TaskSpec? task = null;
                if (!HasErrors && taskName is not null)
                {
                    task = new TaskSpec(
                        method.Name,
                        baseName,
                        taskName,
                        method.IsStatic,
                        invocation,
                        resultTypeName,
                        parameters,
                        outputs,
                        cache,
                        Cref(),
                        new FlyteInterface(inputs, outputVariables));
                }

                // What the cache lock records; the body hash is computed once per method and reused when the
                // version policy already needed it.
                CacheLockEntry? lockEntry = null;
                if (task is { Cache: { Enabled: true, Version: { } version, DatasetVersion: { } datasetVersion } })
                {
                    lockEntry = new CacheLockEntry(task.TaskName, version, datasetVersion, task.Cache.BodyHash ?? MethodBodyHash.Compute(syntax));
                }

                return new TaskMethodResult(classInfo, task, diagnostics.ToEquatableArray(), identity, lockEntry);
            }

            private string DefaultTaskName(string baseName)
            {
                var typePath = string.Join(".", ContainingTypes(type).Select(t => t.Name));
                var namespacePath = SymbolNames.NamespaceName(type.ContainingNamespace);
                return (namespacePath.Length == 0 ? typePath : namespacePath + "." + typePath) + "." + baseName;
            }

            private void CheckDeclaration()
            {
                if (method.MethodKind == MethodKind.LocalFunction)
                {
                    Report(DiagnosticDescriptors.TaskMethodNotPublic, MethodLocation, method.Name, "a local function");
                }
                else if (method.DeclaredAccessibility != Accessibility.Public)
                {
                    Report(DiagnosticDescriptors.TaskMethodNotPublic, MethodLocation, method.Name, SymbolNames.Keyword(method.DeclaredAccessibility));
                }

                if (method.IsGenericMethod)
                {
                    var typeParameters = (syntax as MethodDeclarationSyntax)?.TypeParameterList?.GetLocation()
                        ?? (syntax as LocalFunctionStatementSyntax)?.TypeParameterList?.GetLocation()
                        ?? MethodLocation;
                    Report(DiagnosticDescriptors.GenericTaskMethod, typeParameters, method.Name);
                }

                if (type.TypeKind != TypeKind.Class)
                {
                    var kind = type.TypeKind == TypeKind.Struct
                        ? (type.IsRecord ? "record struct" : "struct")
                        : type.TypeKind.ToString().ToLowerInvariant();
                    Report(DiagnosticDescriptors.TaskTypeNotClass, MethodLocation, method.Name, kind, SymbolNames.ForMessage(type));
                    return;
                }

                var generic = ContainingTypes(type).FirstOrDefault(t => t.IsGenericType);
                if (generic is not null)
                {
                    Report(DiagnosticDescriptors.TaskTypeGeneric, MethodLocation, method.Name, SymbolNames.ForMessage(generic));
                }

                var hidden = SymbolNames.FirstNonPublic(type);
                if (hidden is not null)
                {
                    Report(
                        DiagnosticDescriptors.TaskTypeNotPublic,
                        MethodLocation,
                        method.Name,
                        SymbolNames.ForMessage(hidden),
                        SymbolNames.Keyword(hidden.DeclaredAccessibility));
                }

                if (!method.IsStatic && type.IsAbstract && !type.IsStatic)
                {
                    Report(DiagnosticDescriptors.InstanceTaskInAbstractClass, MethodLocation, method.Name, SymbolNames.ForMessage(type));
                }
            }

            private EquatableArray<TaskParameterSpec> ReadParameters(out EquatableArray<FlyteVariable> inputs)
            {
                var parameters = new List<TaskParameterSpec>();
                var variables = new List<FlyteVariable>();
                foreach (var parameter in method.Parameters)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var location = parameter.Locations.FirstOrDefault() ?? MethodLocation;
                    if (parameter.RefKind is RefKind.Ref or RefKind.Out or RefKind.RefReadOnlyParameter)
                    {
                        var modifier = parameter.RefKind switch
                        {
                            RefKind.Ref => "ref",
                            RefKind.Out => "out",
                            _ => "ref readonly",
                        };
                        Report(DiagnosticDescriptors.ByReferenceParameter, location, parameter.Name, taskDisplay, modifier + " " + SymbolNames.ForMessage(parameter.Type));
                        continue;
                    }

                    var isCancellationToken = SymbolNames.MetadataName(parameter.Type) == KnownTypeNames.CancellationToken;
                    parameters.Add(new TaskParameterSpec(
                        parameter.Name,
                        CSharpSource.Identifier(parameter.Name),
                        SymbolNames.ForCode(parameter.Type),
                        isCancellationToken,
                        CSharpSource.DefaultValue(parameter),
                        parameter.RefKind == RefKind.In ? "in " : string.Empty));
                    if (isCancellationToken)
                    {
                        continue;
                    }

                    if (!FlyteVariableName.IsValid(parameter.Name))
                    {
                        Report(DiagnosticDescriptors.InvalidVariableName, location, "parameter", parameter.Name, taskDisplay);
                    }

                    if (parameter.Name == CancellationTokenParameterName)
                    {
                        Report(DiagnosticDescriptors.ReservedParameterName, location, parameter.Name, taskDisplay, BaseName(method.Name));
                    }

                    var mapping = FlyteTypeMapper.Map(parameter.Type);
                    if (mapping.Type is null)
                    {
                        // Looked up only here: finding the syntax costs more than everything else about a parameter.
                        var typeLocation = (parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as ParameterSyntax)?.Type?.GetLocation()
                            ?? location;
                        ReportTypeProblem(mapping, typeLocation, "Parameter '" + parameter.Name + "'", parameter.Name, parameter.Type, isReturn: false);
                        continue;
                    }

                    variables.Add(new FlyteVariable(parameter.Name, mapping.Type));
                }

                inputs = variables.ToEquatableArray();
                return parameters.ToEquatableArray();
            }

            private EquatableArray<TaskOutputSpec> ReadReturn(
                out TaskInvocation invocation,
                out string? resultTypeName,
                out EquatableArray<FlyteVariable> outputVariables)
            {
                var returnType = method.ReturnType;
                ITypeSymbol? resultType;
                if (returnType.SpecialType == SpecialType.System_Void)
                {
                    invocation = TaskInvocation.Void;
                    resultType = null;
                }
                else
                {
                    switch (SymbolNames.MetadataName(returnType))
                    {
                        case KnownTypeNames.Task:
                        case KnownTypeNames.ValueTask:
                            invocation = TaskInvocation.Awaitable;
                            resultType = null;
                            break;
                        case KnownTypeNames.TaskOfT:
                        case KnownTypeNames.ValueTaskOfT:
                            invocation = TaskInvocation.AwaitableValue;
                            resultType = ((INamedTypeSymbol)returnType).TypeArguments[0];
                            break;
                        default:
                            invocation = TaskInvocation.Value;
                            resultType = returnType;
                            break;
                    }
                }

                resultTypeName = resultType is null ? null : SymbolNames.ForCode(resultType);
                var outputs = new List<TaskOutputSpec>();
                var variables = new List<FlyteVariable>();
                if (resultType is INamedTypeSymbol { IsTupleType: true } tuple)
                {
                    var elementSyntax = ReturnTypeSyntax()?.DescendantNodesAndSelf().OfType<TupleTypeSyntax>().FirstOrDefault()?.Elements;
                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    for (var i = 0; i < tuple.TupleElements.Length; i++)
                    {
                        var element = tuple.TupleElements[i];
                        var name = element.IsExplicitlyNamedTupleElement ? element.Name : "o" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        var location = elementSyntax is { } elements && i < elements.Count ? elements[i].GetLocation() : ReturnTypeLocation;
                        if (!FlyteVariableName.IsValid(name))
                        {
                            Report(DiagnosticDescriptors.InvalidVariableName, location, "output", name, taskDisplay);
                        }

                        if (!seen.Add(name))
                        {
                            Report(DiagnosticDescriptors.DuplicateOutputName, location, taskDisplay, name);
                        }

                        var mapping = FlyteTypeMapper.Map(element.Type);
                        if (mapping.Type is null)
                        {
                            ReportTypeProblem(mapping, location, "Output '" + name + "'", name, returnType, isReturn: true);
                            continue;
                        }

                        outputs.Add(new TaskOutputSpec(
                            name,
                            SymbolNames.ForCode(element.Type),
                            "Item" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                        variables.Add(new FlyteVariable(name, mapping.Type));
                    }
                }
                else if (resultType is not null)
                {
                    var mapping = FlyteTypeMapper.Map(resultType);
                    if (mapping.Type is null)
                    {
                        ReportTypeProblem(mapping, ReturnTypeLocation, "The return type", "o0", returnType, isReturn: true);
                    }
                    else
                    {
                        outputs.Add(new TaskOutputSpec("o0", resultTypeName!, null));
                        variables.Add(new FlyteVariable("o0", mapping.Type));
                    }
                }

                outputVariables = variables.ToEquatableArray();
                return outputs.ToEquatableArray();
            }

            private TypeSyntax? ReturnTypeSyntax() => syntax switch
            {
                MethodDeclarationSyntax declaration => declaration.ReturnType,
                LocalFunctionStatementSyntax local => local.ReturnType,
                _ => null,
            };

            private TaskCacheSpec ReadCache(
                TaskAttributeArguments arguments,
                string taskName,
                EquatableArray<TaskParameterSpec> parameters,
                FlyteInterface flyteInterface)
            {
                var datasetName = "flyte_task-" + taskName;
                if (!arguments.Cache)
                {
                    if (arguments.CacheSerialize)
                    {
                        Report(DiagnosticDescriptors.SerializeWithoutCache, arguments.LocationOf("CacheSerialize"), taskDisplay);
                    }

                    if (arguments.CacheIgnoreInputs is not null)
                    {
                        Report(DiagnosticDescriptors.IgnoredInputsWithoutCache, arguments.LocationOf("CacheIgnoreInputs"), taskDisplay);
                    }

                    if (arguments.CacheVersion is not null)
                    {
                        Report(DiagnosticDescriptors.VersionWithoutCache, arguments.LocationOf("CacheVersion"), taskDisplay);
                    }

                    if (arguments.FunctionBodyVersion)
                    {
                        Report(DiagnosticDescriptors.VersionPolicyWithoutCache, arguments.LocationOf("CacheVersionPolicy"), taskDisplay);
                    }

                    return new TaskCacheSpec(false, null, false, default, datasetName, null, null);
                }

                var version = arguments.CacheVersion;
                if (version is null && !arguments.FunctionBodyVersion)
                {
                    Report(DiagnosticDescriptors.CacheWithoutVersion, arguments.LocationOf("Cache"), taskDisplay);
                }
                else if (version is not null && string.IsNullOrWhiteSpace(version))
                {
                    Report(DiagnosticDescriptors.EmptyCacheVersion, arguments.LocationOf("CacheVersion"), taskDisplay);
                }

                // Only tasks that ask for it carry the body hash: for every other task a body edit must leave the
                // model equal, so that nothing is generated again.
                string? bodyHash = null;
                if (arguments.FunctionBodyVersion)
                {
                    bodyHash = MethodBodyHash.Compute(syntax);
                    version = AutomaticCacheVersion.Derive(version, bodyHash);
                }

                var inputNames = parameters.Where(p => !p.IsCancellationToken).Select(p => p.Name).ToList();
                var ignored = new List<string>();
                var written = arguments.CacheIgnoreInputs ?? Array.Empty<string?>();
                for (var i = 0; i < written.Count; i++)
                {
                    var name = written[i];
                    if (name is null || !inputNames.Contains(name, StringComparer.Ordinal))
                    {
                        Report(
                            DiagnosticDescriptors.UnknownIgnoredInput,
                            arguments.LocationOfElement("CacheIgnoreInputs", i),
                            taskDisplay,
                            name ?? "null",
                            inputNames.Count == 0 ? "(none)" : string.Join(", ", inputNames));
                    }
                    else if (!ignored.Contains(name, StringComparer.Ordinal))
                    {
                        ignored.Add(name);
                    }
                }

                var datasetVersion = HasErrors || version is null ? null : CompileTimeDatasetVersion.Compute(version, flyteInterface);
                return new TaskCacheSpec(true, version, arguments.CacheSerialize, ignored.ToEquatableArray(), datasetName, datasetVersion, bodyHash);
            }

            private void ReportTypeProblem(TypeMapping mapping, Location location, string subject, string name, ITypeSymbol declaredType, bool isReturn)
            {
                var culprit = mapping.Culprit is null ? string.Empty : SymbolNames.ForMessage(mapping.Culprit);
                switch (mapping.Problem)
                {
                    case TypeProblemKind.Unsupported when isReturn:
                        Report(DiagnosticDescriptors.UnsupportedReturnType, location, taskDisplay, SymbolNames.ForMessage(declaredType), mapping.Detail);
                        break;
                    case TypeProblemKind.Unsupported:
                        Report(DiagnosticDescriptors.UnsupportedParameterType, location, name, taskDisplay, SymbolNames.ForMessage(declaredType), mapping.Detail);
                        break;
                    case TypeProblemKind.Inaccessible:
                    case TypeProblemKind.CompilerError:
                        // The compiler already reports these (CS0050/CS0051, CS0246...): the task is left out so that
                        // neither a FlyteSharp diagnostic nor the generated code adds a second error.
                        skipped = true;
                        break;
                    case TypeProblemKind.FormatWithoutAttribute:
                        Report(DiagnosticDescriptors.FormatWithoutAttribute, location, subject, taskDisplay, culprit);
                        break;
                    case TypeProblemKind.EmptyFormatName:
                        Report(DiagnosticDescriptors.EmptyFormatName, location, culprit);
                        break;
                }
            }

            private string Cref()
            {
                // The name alone is unambiguous without overloads, and much cheaper than spelling out the parameters.
                if (type.GetMembers(method.Name).Length == 1)
                {
                    return CrefType(type) + "." + CSharpSource.Identifier(method.Name);
                }

                var parameters = method.Parameters.Select(p => (p.RefKind == RefKind.In ? "in " : string.Empty) + CrefType(p.Type));
                return CrefType(type) + "." + CSharpSource.Identifier(method.Name) + "(" + string.Join(", ", parameters) + ")";
            }

            // Cref syntax writes type arguments in braces: List{int}, Nullable{global::N.E}.
            private static string CrefType(ITypeSymbol symbol)
            {
                switch (symbol)
                {
                    case IArrayTypeSymbol array:
                        return CrefType(array.ElementType) + "[" + new string(',', array.Rank - 1) + "]";
                    case INamedTypeSymbol { IsGenericType: true } generic:
                        var containingNamespace = SymbolNames.NamespaceForCode(generic.ContainingNamespace);
                        var container = generic.ContainingType is not null
                            ? CrefType(generic.ContainingType) + "."
                            : containingNamespace.Length == 0 ? "global::" : "global::" + containingNamespace + ".";
                        return container + CSharpSource.Identifier(generic.Name) + "{" + string.Join(", ", generic.TypeArguments.Select(CrefType)) + "}";
                    default:
                        return SymbolNames.ForCode(symbol.WithNullableAnnotation(NullableAnnotation.None));
                }
            }

            private void Report(DiagnosticDescriptor descriptor, Location? location, params string[] arguments) =>
                diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));
        }
    }
}
