using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using FlyteSharp.Core;
using FlyteSharp.Generator.Diagnostics;
using FlyteSharp.Generator.Model;

namespace FlyteSharp.Generator.Parser
{
    /// <summary>
    /// Rules over all tasks (or formats) of a compilation at once: grouping tasks into one file per class,
    /// unique task names, members two tasks would both generate, and format names two types claim.
    /// </summary>
    internal static class TaskSetRules
    {
        /// <summary>Members of <c>CFlyte</c> FlyteSharp itself defines, besides the per-task ones.</summary>
        private static string[] ReservedMembers(string className) =>
            new[] { "Client", "Add" + className, className + "Flyte" };

        /// <summary>The members of <c>CFlyte</c> a task with <paramref name="baseName"/> generates.</summary>
        public static IEnumerable<string> MembersOf(string baseName) => new[]
        {
            baseName,
            baseName + "TaskName",
            baseName + "DatasetName",
            baseName + "CacheVersion",
            baseName + "DatasetVersion",
            "Create" + baseName + "Interface",
        };

        /// <summary>
        /// Groups tasks into one spec per class, classes and tasks in ordinal order, leaving out tasks that would
        /// generate the same member as another (FLYTE012 reports them).
        /// </summary>
        public static EquatableArray<TaskClassSpec> GroupIntoClasses(ImmutableArray<TaskDeclaration> declarations, CancellationToken cancellationToken)
        {
            var classes = new List<TaskClassSpec>();
            foreach (var group in declarations.GroupBy(d => d.Class).OrderBy(g => g.Key.HintName, StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var tasks = group.Select(d => d.Task).ToList();
                var colliding = Collisions(group.Key.Name, tasks.Select(t => (t.MethodName, t.BaseName)).ToList());
                var kept = tasks
                    .Where((_, index) => !colliding.ContainsKey(index))
                    .OrderBy(t => t.BaseName, StringComparer.Ordinal)
                    .ToEquatableArray();
                if (kept.Count > 0)
                {
                    classes.Add(new TaskClassSpec(group.Key, kept));
                }
            }

            return classes.ToEquatableArray();
        }

        /// <summary>FLYTE015 (two tasks with one name) and FLYTE012 (two tasks generating one member).</summary>
        public static EquatableArray<DiagnosticInfo> Check(ImmutableArray<TaskIdentity> identities, CancellationToken cancellationToken)
        {
            var diagnostics = new List<DiagnosticInfo>();
            var named = identities.Where(i => i.TaskName is not null);
            foreach (var group in named.GroupBy(i => i.TaskName!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var claims = group.OrderBy(i => i.ClassHintName, StringComparer.Ordinal).ThenBy(i => i.MethodName, StringComparer.Ordinal).ToList();
                if (claims.Count < 2)
                {
                    continue;
                }

                var users = Enumerate(claims.Select(i => i.ClassHintName + "." + i.MethodName));
                foreach (var claim in claims)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateTaskName, claim.TaskNameLocation, group.Key, users));
                }
            }

            foreach (var group in identities.GroupBy(i => i.ClassHintName).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var tasks = group.OrderBy(i => i.MethodName, StringComparer.Ordinal).ToList();
                var className = ClassName(group.Key);
                foreach (var collision in Collisions(className, tasks.Select(t => (t.MethodName, t.BaseName)).ToList()).OrderBy(c => c.Key))
                {
                    var task = tasks[collision.Key];
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.GeneratedMemberCollision,
                        task.MethodLocation,
                        task.MethodName,
                        collision.Value.Member,
                        className + "Flyte",
                        collision.Value.Other));
                }
            }

            return diagnostics.ToEquatableArray();
        }

        /// <summary>FLYTE031: two format types in this compilation claiming one name (case-insensitively).</summary>
        public static EquatableArray<DiagnosticInfo> CheckFormats(ImmutableArray<FormatDeclaration> formats, CancellationToken cancellationToken)
        {
            var diagnostics = new List<DiagnosticInfo>();
            var named = formats.Where(f => !string.IsNullOrWhiteSpace(f.FormatName));
            foreach (var group in named.GroupBy(f => f.FormatName, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var claims = group.OrderBy(f => f.TypeName, StringComparer.Ordinal).ToList();
                foreach (var later in claims.Skip(1))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateFormatName, later.Location, later.TypeName, later.FormatName, claims[0].TypeName));
                }
            }

            return diagnostics.ToEquatableArray();
        }

        /// <summary>
        /// For each task (by index) that generates a member another task or FlyteSharp also generates: the first
        /// such member in ordinal order, and who else generates it.
        /// </summary>
        private static Dictionary<int, (string Member, string Other)> Collisions(string className, List<(string MethodName, string BaseName)> tasks)
        {
            if (!CouldCollide(className, tasks))
            {
                return new Dictionary<int, (string Member, string Other)>();
            }

            var claims = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (var i = 0; i < tasks.Count; i++)
            {
                foreach (var member in MembersOf(tasks[i].BaseName).Distinct(StringComparer.Ordinal))
                {
                    if (!claims.TryGetValue(member, out var claimants))
                    {
                        claims[member] = claimants = new List<int>();
                    }

                    claimants.Add(i);
                }
            }

            var reserved = new HashSet<string>(ReservedMembers(className), StringComparer.Ordinal);
            var collisions = new Dictionary<int, (string Member, string Other)>();
            foreach (var claim in claims.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                var claimants = claim.Value;
                if (claimants.Count < 2 && !reserved.Contains(claim.Key))
                {
                    continue;
                }

                foreach (var index in claimants)
                {
                    if (collisions.ContainsKey(index))
                    {
                        continue;
                    }

                    var other = claimants.Where(j => j != index).Select(j => "task method '" + tasks[j].MethodName + "'").FirstOrDefault()
                        ?? "FlyteSharp";
                    collisions[index] = (claim.Key, other);
                }
            }

            return collisions;
        }

        /// <summary>
        /// A cheap test that rules out collisions in the common case (this runs on every edit, over every task):
        /// members can only clash when two tasks share a base name, or a base name looks like another task's
        /// member (a suffix of <see cref="MembersOf"/>, a <c>Create</c> prefix) or like a reserved member.
        /// </summary>
        private static bool CouldCollide(string className, List<(string MethodName, string BaseName)> tasks)
        {
            var reserved = ReservedMembers(className);
            foreach (var name in reserved)
            {
                if (LooksGenerated(name) || name.EndsWith("Interface", StringComparison.Ordinal))
                {
                    return true;
                }
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (_, baseName) in tasks)
            {
                if (!seen.Add(baseName) || LooksGenerated(baseName) || Array.IndexOf(reserved, baseName) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        // Whether a name could equal a member another base name generates (the suffixes of MembersOf, its prefix).
        private static bool LooksGenerated(string name) =>
            name.StartsWith("Create", StringComparison.Ordinal)
            || name.EndsWith("TaskName", StringComparison.Ordinal)
            || name.EndsWith("DatasetName", StringComparison.Ordinal)
            || name.EndsWith("CacheVersion", StringComparison.Ordinal)
            || name.EndsWith("DatasetVersion", StringComparison.Ordinal);

        private static string ClassName(string hintName)
        {
            var start = Math.Max(hintName.LastIndexOf('.'), hintName.LastIndexOf('+')) + 1;
            return hintName.Substring(start);
        }

        private static string Enumerate(IEnumerable<string> items)
        {
            var list = items.ToList();
            return list.Count == 1 ? list[0] : string.Join(", ", list.Take(list.Count - 1)) + " and " + list[list.Count - 1];
        }
    }
}
