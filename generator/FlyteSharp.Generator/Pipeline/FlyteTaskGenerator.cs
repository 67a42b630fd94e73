using System.Linq;
using FlyteSharp.Core;
using FlyteSharp.Generator.Diagnostics;
using FlyteSharp.Generator.Emitter;
using FlyteSharp.Generator.Model;
using FlyteSharp.Generator.Parser;
using FlyteSharp.Generator.ReferenceTasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FlyteSharp.Generator.Pipeline
{
    /// <summary>
    /// Turns <c>[FlyteTask]</c> methods into typed clients, Flyte descriptors with compile-time cache datasets,
    /// and DI registrations; reports what would make a task wrong as <c>FLYTE###</c> diagnostics.
    /// </summary>
    /// <remarks>
    /// Stages: <see cref="TaskMethodParser"/> turns each method's symbols into equatable records at once; the
    /// source outputs see only those records (no locations), so an edit that does not change a task leaves every
    /// generated file cached; diagnostics flow through their own outputs.
    /// </remarks>
    [Generator(LanguageNames.CSharp)]
    public sealed class FlyteTaskGenerator : IIncrementalGenerator
    {
        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var methods = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    KnownTypeNames.FlyteTaskAttribute,
                    static (node, _) => node is MethodDeclarationSyntax or LocalFunctionStatementSyntax,
                    TaskMethodParser.Parse)
                .WithTrackingName(TrackingNames.TaskMethods);

            // Source: only location-free task records reach the emitter.
            var declarations = methods
                .Select(static (result, _) => result.Task is null ? null : new TaskDeclaration(result.Class, result.Task))
                .WithTrackingName(TrackingNames.TaskDeclarations)
                .Where(static declaration => declaration is not null)
                .Select(static (declaration, _) => declaration!);

            var classes = declarations
                .Collect()
                .Select(TaskSetRules.GroupIntoClasses)
                .WithTrackingName(TrackingNames.TaskClasses);

            var perClass = classes
                .SelectMany(static (specs, _) => specs)
                .WithTrackingName(TrackingNames.TaskClass);
            context.RegisterSourceOutput(perClass, static (output, spec) =>
                output.AddSource(TaskClassEmitter.HintName(spec), TaskClassEmitter.Emit(spec)));

            var assemblyName = context.CompilationProvider.Select(static (compilation, _) => compilation.AssemblyName ?? string.Empty);
            var registration = classes
                .Select(static (specs, _) => specs.Select(spec => spec.Class).ToEquatableArray())
                .Combine(assemblyName)
                .WithTrackingName(TrackingNames.Registration);
            context.RegisterSourceOutput(registration, static (output, input) =>
            {
                if (input.Left.Count > 0)
                {
                    output.AddSource(RegistrationEmitter.HintName, RegistrationEmitter.Emit(input.Right, input.Left));
                }
            });

            // Cache lock data: only when the build asks (flytesharp cache lock). Otherwise the step yields the same
            // empty array after every edit, so a body edit stays Unchanged/Cached downstream.
            var lockRequested = context.AnalyzerConfigOptionsProvider
                .Select(static (options, _) =>
                    options.GlobalOptions.TryGetValue(CacheLockEmitter.BuildProperty, out var value)
                    && string.Equals(value?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase))
                .WithTrackingName(TrackingNames.CacheLockRequested);
            var lockEntries = methods
                .Select(static (result, _) => result.LockEntry)
                .Collect()
                .Combine(lockRequested)
                .Select(static (input, _) => (Requested: input.Right, Entries: input.Right
                    ? input.Left.Where(entry => entry is not null).Select(entry => entry!).OrderBy(entry => entry.TaskName, System.StringComparer.Ordinal).ToEquatableArray()
                    : default))
                .WithTrackingName(TrackingNames.CacheLock);
            context.RegisterSourceOutput(lockEntries, static (output, input) =>
            {
                // Written even without cached tasks, so the CLI can tell "no cached tasks" from "not asked".
                if (input.Requested)
                {
                    output.AddSource(CacheLockEmitter.HintName, CacheLockEmitter.Emit(input.Entries));
                }
            });

            RegisterReferenceTasks(context);

            // Diagnostics: their own outputs, so a moved location never invalidates generated source.
            var taskDiagnostics = methods
                .Select(static (result, _) => result.Diagnostics)
                .WithTrackingName(TrackingNames.TaskDiagnostics);
            context.RegisterSourceOutput(taskDiagnostics, static (output, diagnostics) => Report(output, diagnostics));

            var taskSetDiagnostics = methods
                .Select(static (result, _) => result.Identity)
                .Collect()
                .Select(TaskSetRules.Check)
                .WithTrackingName(TrackingNames.TaskSetDiagnostics);
            context.RegisterSourceOutput(taskSetDiagnostics, static (output, diagnostics) => Report(output, diagnostics));

            var formats = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    KnownTypeNames.BlobFormatAttribute,
                    static (node, _) => node is TypeDeclarationSyntax,
                    FormatDeclarationParser.Parse)
                .WithTrackingName(TrackingNames.FormatDeclarations);
            context.RegisterSourceOutput(formats, static (output, format) => Report(output, format.Diagnostics));

            var formatSetDiagnostics = formats
                .Collect()
                .Select(TaskSetRules.CheckFormats)
                .WithTrackingName(TrackingNames.FormatSetDiagnostics);
            context.RegisterSourceOutput(formatSetDiagnostics, static (output, diagnostics) => Report(output, diagnostics));
        }

        // Reference tasks: [FlyteReferenceTask] methods checked against their pinned interface files. Only the files
        // the attributes name are read, each parsed once per change; the source output sees only location-free specs.
        private static void RegisterReferenceTasks(IncrementalGeneratorInitializationContext context)
        {
            var methods = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    KnownTypeNames.FlyteReferenceTaskAttribute,
                    static (node, _) => node is MethodDeclarationSyntax,
                    ReferenceTaskParser.Parse)
                .WithTrackingName(TrackingNames.ReferenceMethods);

            var requested = methods
                .Select(static (method, _) => method.Id?.InterfaceFile)
                .Collect()
                .Select(static (files, _) => files.Where(file => file is not null).Select(file => file!).Distinct(System.StringComparer.Ordinal).OrderBy(file => file, System.StringComparer.Ordinal).ToEquatableArray());

            var pinned = context.AdditionalTextsProvider
                .Combine(requested)
                .Where(static pair => pair.Right.Any(file => ReferenceTaskChecker.Matches(pair.Left.Path, file)))
                .Select(static (pair, cancellationToken) => ReferenceTaskChecker.Read(pair.Left, cancellationToken))
                .WithTrackingName(TrackingNames.PinnedInterfaces)
                .Collect()
                .Select(static (files, _) => files.OrderBy(file => file.Path, System.StringComparer.Ordinal).ToEquatableArray());

            var checkedTasks = methods
                .Combine(pinned)
                .Select(static (input, _) => ReferenceTaskChecker.Check(input.Left, input.Right))
                .WithTrackingName(TrackingNames.ReferenceTasks);

            var interfaces = checkedTasks
                .Select(static (result, _) => result.Spec)
                .Where(static spec => spec is not null)
                .Collect()
                .Select(static (specs, _) => specs
                    .GroupBy(spec => spec!.Interface)
                    .OrderBy(group => group.Key.HintName, System.StringComparer.Ordinal)
                    .Select(group => new ReferenceInterfaceSpec(group.Key, group.Select(spec => spec!).OrderBy(spec => spec.MethodName, System.StringComparer.Ordinal).ToEquatableArray()))
                    .ToEquatableArray())
                .WithTrackingName(TrackingNames.ReferenceInterfaces)
                .SelectMany(static (specs, _) => specs);
            context.RegisterSourceOutput(interfaces, static (output, spec) =>
                output.AddSource(ReferenceTaskEmitter.HintName(spec), ReferenceTaskEmitter.Emit(spec)));

            // An interface-level problem is found by each of its methods: report it once.
            var diagnostics = checkedTasks
                .Select(static (result, _) => result.Diagnostics)
                .Collect()
                .Select(static (all, _) => all.SelectMany(d => d).Distinct().ToEquatableArray())
                .WithTrackingName(TrackingNames.ReferenceDiagnostics);
            context.RegisterSourceOutput(diagnostics, static (output, all) => Report(output, all));
        }

        private static void Report(SourceProductionContext output, EquatableArray<DiagnosticInfo> diagnostics)
        {
            foreach (var diagnostic in diagnostics)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        }
    }
}
