extern alias generator;

using System.Reflection;
using Microsoft.CodeAnalysis;
using DiagnosticDescriptors = generator::FlyteSharp.Generator.Diagnostics.DiagnosticDescriptors;

namespace FlyteSharp.Generator.Tests.Diagnostics;

/// <summary>Every diagnostic has what the checklist in docs/diagnostics/README.md asks for.</summary>
public sealed class DiagnosticCatalogTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in Descriptors())
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Diagnostic_has_a_page_a_release_entry_a_help_link_and_tests(string id)
    {
        var descriptor = Descriptors().Single(d => d.Id == id);
        var root = RepositoryRoot();

        var page = Path.Combine(root, "docs", "diagnostics", id + ".md");
        Assert.True(File.Exists(page), $"docs/diagnostics/{id}.md is missing.");
        var text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}: {descriptor.Title}", text, StringComparison.Ordinal);
        Assert.All(new[] { "## What", "## Why", "## How to fix", "## Example" }, heading => Assert.Contains(heading, text, StringComparison.Ordinal));

        Assert.EndsWith("/docs/diagnostics/" + id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
        Assert.Contains(
            $"{id} | FlyteSharp | {descriptor.DefaultSeverity} |",
            File.ReadAllText(Path.Combine(root, "generator", "FlyteSharp.Generator", "AnalyzerReleases.Unshipped.md")),
            StringComparison.Ordinal);
        Assert.Contains($"[{id}]({id}.md)", File.ReadAllText(Path.Combine(root, "docs", "diagnostics", "README.md")), StringComparison.Ordinal);

        var tests = typeof(DiagnosticCatalogTests).Assembly.GetTypes().SelectMany(t => t.GetMethods()).Select(m => m.Name).ToList();
        Assert.Contains(tests, name => name.StartsWith(id + "_fires", StringComparison.Ordinal) || name.StartsWith(id + "_warns", StringComparison.Ordinal));
        Assert.Contains(tests, name => name.StartsWith(id + "_does_not_fire", StringComparison.Ordinal));
    }

    [Fact]
    public void Ids_are_unique()
    {
        var ids = Descriptors().Select(d => d.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.True(ids.Count >= 20);
    }

    private static IEnumerable<DiagnosticDescriptor> Descriptors() =>
        typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!);

    private static string RepositoryRoot()
    {
        var project = typeof(DiagnosticCatalogTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "FlyteSharpProjectDirectory").Value!;
        return Path.GetFullPath(Path.Combine(project, "..", ".."));
    }
}
