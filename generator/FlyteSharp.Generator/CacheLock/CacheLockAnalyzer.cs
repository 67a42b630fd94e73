using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using FlyteSharp.Generator.Diagnostics;
using FlyteSharp.Generator.Parser;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FlyteSharp.Generator.CacheLock
{
    /// <summary>
    /// Compares the cached tasks of a compilation with <c>flyte.cache.lock.json</c> (an AdditionalFiles item):
    /// FLYTE040 when a body changed but its cache version did not, FLYTE041 when an interface changed, FLYTE042 when
    /// a locked task is gone, FLYTE043 when the file cannot be read. Without a lock file it does nothing.
    /// </summary>
    /// <remarks>
    /// An analyzer, not part of the generator: it needs every method body, which would make generation re-run on
    /// every keystroke. It reuses the generator's parser so names, versions and body hashes are computed once, the
    /// same way.
    /// </remarks>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CacheLockAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            DiagnosticDescriptors.BodyChangedWithoutVersion,
            DiagnosticDescriptors.InterfaceChanged,
            DiagnosticDescriptors.LockedTaskMissing,
            DiagnosticDescriptors.UnreadableLockFile);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(Start);
        }

        private static void Start(CompilationStartAnalysisContext context)
        {
            var file = context.Options.AdditionalFiles.FirstOrDefault(f =>
                string.Equals(Path.GetFileName(f.Path), CacheLockJson.FileName, StringComparison.OrdinalIgnoreCase));
            var attributeType = context.Compilation.GetTypeByMetadataName(KnownTypeNames.FlyteTaskAttribute);
            if (file is null || attributeType is null)
            {
                return;
            }

            var text = file.GetText(context.CancellationToken);
            IReadOnlyList<CacheLockEntry> entries;
            try
            {
                entries = CacheLockJson.Read(text?.ToString() ?? string.Empty);
            }
            catch (FormatException e)
            {
                var reason = e.Message;
                context.RegisterCompilationEndAction(end => end.ReportDiagnostic(
                    Diagnostic.Create(DiagnosticDescriptors.UnreadableLockFile, Location.Create(file.Path, default, default), reason)));
                return;
            }

            var locked = new Dictionary<string, CacheLockEntry>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                locked[entry.TaskName] = entry;
            }

            var present = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
            context.RegisterSymbolAction(symbolContext => Compare(symbolContext, attributeType, locked, present), SymbolKind.Method);
            context.RegisterCompilationEndAction(end =>
            {
                foreach (var entry in entries)
                {
                    if (!present.ContainsKey(entry.TaskName))
                    {
                        end.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LockedTaskMissing, LocationIn(file.Path, text, entry.TaskName), entry.TaskName));
                    }
                }
            });
        }

        private static void Compare(
            SymbolAnalysisContext context,
            INamedTypeSymbol attributeType,
            Dictionary<string, CacheLockEntry> locked,
            ConcurrentDictionary<string, bool> present)
        {
            var method = (IMethodSymbol)context.Symbol;
            var attribute = method.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType));
            var syntax = attribute is null ? null : method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(context.CancellationToken);
            if (attribute is null || syntax is null)
            {
                return;
            }

            var current = TaskMethodParser.Parse(method, syntax, attribute, context.CancellationToken).LockEntry;
            if (current is null)
            {
                return;
            }

            present[current.TaskName] = true;
            if (!locked.TryGetValue(current.TaskName, out var entry))
            {
                return;
            }

            var location = method.Locations.FirstOrDefault() ?? Location.None;
            if (current.BodyHash != entry.BodyHash && current.CacheVersion == entry.CacheVersion)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.BodyChangedWithoutVersion, location, current.TaskName, current.CacheVersion));
            }

            if (CacheLockEntry.InterfacePart(current.DatasetVersion) != CacheLockEntry.InterfacePart(entry.DatasetVersion))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InterfaceChanged, location, current.TaskName, current.DatasetVersion, entry.DatasetVersion));
            }
        }

        // The task's name in the lock file, so the warning points at the entry to remove.
        private static Location LocationIn(string path, SourceText? text, string taskName)
        {
            if (text is null)
            {
                return Location.Create(path, default, default);
            }

            var content = text.ToString();
            var quoted = "\"" + taskName + "\"";
            var index = content.IndexOf("\"name\": " + quoted, StringComparison.Ordinal);
            var start = index < 0 ? content.IndexOf(quoted, StringComparison.Ordinal) : index + "\"name\": ".Length;
            if (start < 0)
            {
                return Location.Create(path, default, default);
            }

            var span = new TextSpan(start, quoted.Length);
            return Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
        }
    }
}
