using System.Globalization;
using FlyteSharp.Caching;

namespace FlyteSharp.Cli.CacheKeys;

/// <summary>The text of <c>cache-key tag --explain</c> and <c>--against</c>: aligned label/value lines, one fact per line.</summary>
internal static class TagExplanationText
{
    // One input's value is shown in full in the "hashed" line already; per input, a readable prefix is enough.
    private const int MaxValueLength = 160;

    public static async Task WriteAsync(TextWriter output, CacheTagExplanation explanation)
    {
        await output.WriteLineAsync("tag     " + explanation.Tag).ConfigureAwait(false);
        await output.WriteLineAsync("hashed  " + explanation.CanonicalJson).ConfigureAwait(false);
        if (explanation.Inputs.Count == 0)
        {
            await output.WriteLineAsync("inputs  none").ConfigureAwait(false);
            return;
        }

        await output.WriteLineAsync("inputs  name, own hash, value as hashed").ConfigureAwait(false);
        var width = explanation.Inputs.Max(input => input.Name.Length);
        foreach (var input in explanation.Inputs)
        {
            var line = input.Ignored
                ? $"  {input.Name.PadRight(width)}  ignored (--ignore): not part of the tag"
                : $"  {input.Name.PadRight(width)}  {input.Hash}  {Shorten(input.CanonicalJson)}";
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }
    }

    public static async Task WriteAsync(TextWriter output, TagComparison comparison, string subjectSource, string baselineSource)
    {
        await output.WriteLineAsync($"tag      {comparison.Subject.Tag}  {subjectSource}").ConfigureAwait(false);
        await output.WriteLineAsync($"against  {comparison.Baseline.Tag}  {baselineSource}").ConfigureAwait(false);
        if (comparison.SameTag)
        {
            await output.WriteLineAsync("same tag: no input changes it").ConfigureAwait(false);
            return;
        }

        var count = comparison.Changes.Count;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"different tags: {count} {(count == 1 ? "input changes" : "inputs change")} the tag")).ConfigureAwait(false);
        var width = comparison.Changes.Max(change => change.Name.Length);
        foreach (var change in comparison.Changes)
        {
            var name = change.Name.PadRight(width);
            var line = change.Kind switch
            {
                InputChangeKind.Added => $"  added    {name}  {Shorten(change.Value)}  (only in {subjectSource})",
                InputChangeKind.Removed => $"  removed  {name}  {Shorten(change.BaselineValue)}  (only in {baselineSource})",
                _ => $"  changed  {name}  {Shorten(change.BaselineValue)} -> {Shorten(change.Value)}",
            };
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }
    }

    private static string Shorten(string? json) =>
        json is null ? string.Empty
        : json.Length <= MaxValueLength ? json
        : string.Create(CultureInfo.InvariantCulture, $"{json[..MaxValueLength]}... ({json.Length} characters)");
}
