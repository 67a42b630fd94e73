using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FlyteSharp.Core;
using FlyteSharp.Generator.Diagnostics;
using FlyteSharp.Generator.Parser;
using FlyteSharp.Typing;
using Microsoft.CodeAnalysis;

namespace FlyteSharp.Generator.ReferenceTasks
{
    /// <summary>
    /// Checks a reference task's C# signature against its pinned interface with Flyte's castability rules and the
    /// lenient Blob rule: each C# input must cast to the remote input of the same name (the C# value is what is sent),
    /// each remote output must cast to the C# output (the cached value is what is read), and no name may be missing
    /// or extra on either side.
    /// </summary>
    internal static class ReferenceTaskChecker
    {
        /// <summary>Whether the compiler's path of an AdditionalFiles item is the file <paramref name="interfaceFile"/> names.</summary>
        public static bool Matches(string path, string interfaceFile)
        {
            var file = Normalize(path);
            var wanted = Normalize(interfaceFile);
            while (wanted.StartsWith("./", StringComparison.Ordinal))
            {
                wanted = wanted.Substring(2);
            }

            return wanted.Length > 0 && (file == wanted || file.EndsWith("/" + wanted, StringComparison.Ordinal));
        }

        /// <summary>Reads and parses one pinned interface file.</summary>
        public static PinnedInterfaceFile Read(AdditionalText file, CancellationToken cancellationToken)
        {
            var text = file.GetText(cancellationToken);
            if (text is null)
            {
                return new PinnedInterfaceFile(file.Path, null, "the file cannot be read");
            }

            try
            {
                return new PinnedInterfaceFile(file.Path, PinnedInterfaceJson.Parse(text.ToString()), null);
            }
            catch (FormatException e)
            {
                return new PinnedInterfaceFile(file.Path, null, e.Message.TrimEnd('.'));
            }
        }

        /// <summary>Checks <paramref name="method"/> against the pinned files.</summary>
        public static ReferenceTaskResult Check(ReferenceMethod method, EquatableArray<PinnedInterfaceFile> files)
        {
            var diagnostics = new List<DiagnosticInfo>(method.Diagnostics);
            if (method.Id is not { } id)
            {
                return new ReferenceTaskResult(null, diagnostics.ToEquatableArray());
            }

            var display = method.Interface.Name + "." + method.MethodName;
            void Report(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
                diagnostics.Add(DiagnosticInfo.Create(descriptor, location ?? method.MethodLocation, arguments));

            var matches = files.Where(f => Matches(f.Path, id.InterfaceFile)).ToList();
            if (matches.Count != 1)
            {
                Report(
                    DiagnosticDescriptors.PinnedInterfaceNotFound,
                    method.InterfaceFileLocation,
                    display,
                    id.InterfaceFile,
                    matches.Count == 0 ? "no AdditionalFiles item has that path" : "it matches " + matches.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " AdditionalFiles items; write more of the path");
                return new ReferenceTaskResult(null, diagnostics.ToEquatableArray());
            }

            if (matches[0].Interface is not { } pinned)
            {
                Report(DiagnosticDescriptors.PinnedInterfaceInvalid, method.InterfaceFileLocation, id.InterfaceFile, display, matches[0].Error ?? "unknown error");
                return new ReferenceTaskResult(null, diagnostics.ToEquatableArray());
            }

            var remoteInputs = pinned.Inputs.ToDictionary(v => v.Name, v => v.Type, StringComparer.Ordinal);
            foreach (var input in method.Inputs)
            {
                var name = input.Variable.Name;
                if (!remoteInputs.TryGetValue(name, out var remote))
                {
                    Report(DiagnosticDescriptors.ReferenceParameterNotRemote, input.TypeLocation, name, display, Names(pinned.Inputs));
                    continue;
                }

                var cast = Castability.Check(input.Variable.Type, remote, "inputs." + name);
                if (!cast.IsCastable)
                {
                    Report(DiagnosticDescriptors.ReferenceInputMismatch, input.TypeLocation, name, display, input.Variable.Type.ToString(), remote.ToString(), cast.Reason!);
                }
            }

            var localInputs = new HashSet<string>(method.Inputs.Select(i => i.Variable.Name), StringComparer.Ordinal);
            foreach (var remote in pinned.Inputs.Where(v => !localInputs.Contains(v.Name)))
            {
                Report(DiagnosticDescriptors.ReferenceInputMissing, method.MethodLocation, display, remote.Name, remote.Type.ToString());
            }

            var localOutputs = method.OutputTypes.ToDictionary(v => v.Name, v => v.Type, StringComparer.Ordinal);
            var sameNames = localOutputs.Count == pinned.Outputs.Count && pinned.Outputs.All(v => localOutputs.ContainsKey(v.Name));
            if (!sameNames)
            {
                Report(DiagnosticDescriptors.ReferenceOutputNames, method.ReturnTypeLocation, display, Names(method.OutputTypes), Names(pinned.Outputs));
            }
            else
            {
                foreach (var remote in pinned.Outputs)
                {
                    var local = localOutputs[remote.Name];
                    var cast = Castability.Check(remote.Type, local, "outputs." + remote.Name);
                    if (!cast.IsCastable)
                    {
                        Report(DiagnosticDescriptors.ReferenceOutputMismatch, method.ReturnTypeLocation, remote.Name, display, remote.Type.ToString(), local.ToString(), cast.Reason!);
                    }
                }
            }

            if (diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error))
            {
                return new ReferenceTaskResult(null, diagnostics.ToEquatableArray());
            }

            var spec = new ReferenceTaskSpec(
                method.Interface,
                method.MethodName,
                TaskMethodParser.BaseName(method.MethodName),
                id,
                method.ResultTypeName,
                method.Parameters,
                method.Outputs,
                new FlyteInterface(method.Inputs.Select(i => i.Variable).ToEquatableArray(), method.OutputTypes),
                pinned,
                "flyte_task-" + id.Name,
                FlyteSharp.Hashing.DatasetVersion.Compute(id.CacheVersion, pinned));
            return new ReferenceTaskResult(spec, diagnostics.ToEquatableArray());
        }

        private static string Names(EquatableArray<FlyteVariable> variables) =>
            variables.Count == 0 ? "(none)" : string.Join(", ", variables.Select(v => v.Name + ": " + v.Type));

        private static string Normalize(string path) => path.Replace('\\', '/');
    }
}
