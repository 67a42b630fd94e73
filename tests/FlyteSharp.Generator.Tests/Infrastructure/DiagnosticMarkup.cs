using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace FlyteSharp.Generator.Tests.Infrastructure;

/// <summary>
/// Source with expected diagnostics marked in place: <c>{|FLYTE001:int x|}</c> expects FLYTE001 exactly on
/// <c>int x</c>. <see cref="AssertReported"/> checks that these and only these were reported.
/// </summary>
internal sealed partial class DiagnosticMarkup
{
    private DiagnosticMarkup(string source, IReadOnlyList<(string Id, TextSpan Span)> expected)
    {
        Source = source;
        Expected = expected;
    }

    /// <summary>The source without the markers.</summary>
    public string Source { get; }

    /// <summary>The expected diagnostics: id and span in <see cref="Source"/>.</summary>
    public IReadOnlyList<(string Id, TextSpan Span)> Expected { get; }

    /// <summary>Reads the markers (which may nest) out of <paramref name="markup"/>.</summary>
    public static DiagnosticMarkup Parse(string markup)
    {
        var source = new StringBuilder();
        var expected = new List<(string, TextSpan)>();
        var open = new Stack<(string Id, int Start)>();
        for (var i = 0; i < markup.Length; i++)
        {
            var opening = i + 1 < markup.Length && markup[i] == '{' && markup[i + 1] == '|' ? OpeningMarker().Match(markup, i) : null;
            if (opening is { Success: true } && opening.Index == i)
            {
                open.Push((opening.Groups["id"].Value, source.Length));
                i += opening.Length - 1;
            }
            else if (open.Count > 0 && markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == '}')
            {
                var (id, begin) = open.Pop();
                expected.Add((id, TextSpan.FromBounds(begin, source.Length)));
                i++;
            }
            else
            {
                source.Append(markup[i]);
            }
        }

        Assert.True(open.Count == 0, "Unclosed diagnostic marker in the test source.");
        return new DiagnosticMarkup(source.ToString(), expected);
    }

    /// <summary>
    /// Fails unless <paramref name="reported"/> (diagnostics in <paramref name="path"/>) are exactly the expected
    /// ones, matched by id and span; then returns them for checks of their messages.
    /// </summary>
    public IReadOnlyList<Diagnostic> AssertReported(IEnumerable<Diagnostic> reported, string path)
    {
        var actual = reported.ToList();
        Assert.All(actual, d => Assert.Equal(path, d.Location.GetLineSpan().Path));
        var expectedText = string.Join("\n", Expected
            .OrderBy(e => e.Span.Start).ThenBy(e => e.Id, StringComparer.Ordinal)
            .Select(e => Render(e.Id, e.Span)));
        var ordered = actual.OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
        var actualText = string.Join("\n", ordered.Select(d => Render(d.Id, d.Location.SourceSpan)));
        Assert.True(
            expectedText == actualText,
            $"Expected diagnostics:\n{expectedText}\nReported:\n{string.Join("\n", ordered.Select(d => Render(d.Id, d.Location.SourceSpan) + "  // " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)))}");
        return actual;
    }

    private string Render(string id, TextSpan span) => $"{id} at '{Source.Substring(span.Start, span.Length)}' [{span.Start}..{span.End})";

    [GeneratedRegex(@"\G\{\|(?<id>[A-Z]+[0-9]+):")]
    private static partial Regex OpeningMarker();
}
