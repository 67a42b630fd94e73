using FlyteSharp.Caching;

namespace FlyteSharp.Cli.CacheKeys;

/// <summary>How one input differs between the inputs of two tags.</summary>
internal enum InputChangeKind
{
    /// <summary>Only the subject has it.</summary>
    Added,

    /// <summary>Only the baseline has it.</summary>
    Removed,

    /// <summary>Both have it, with different values (their own hashes differ).</summary>
    Changed,
}

/// <summary>One input that makes two tags differ.</summary>
/// <param name="Name">The input name.</param>
/// <param name="Kind">Added, removed or changed, seen from the baseline.</param>
/// <param name="Value">Its canonical JSON in the subject (null when removed).</param>
/// <param name="BaselineValue">Its canonical JSON in the baseline (null when added).</param>
internal sealed record InputChange(string Name, InputChangeKind Kind, string? Value, string? BaselineValue);

/// <summary>
/// Why two sets of inputs get different tags: the inputs whose own hashes differ. A tag is the hash of a map from input
/// name to each input's hashified literal, so two tags differ exactly when some name is only on one side or maps to a
/// different hash; ignored inputs never count.
/// </summary>
internal sealed record TagComparison(CacheTagExplanation Subject, CacheTagExplanation Baseline, IReadOnlyList<InputChange> Changes)
{
    public bool SameTag => string.Equals(Subject.Tag, Baseline.Tag, StringComparison.Ordinal);

    public static TagComparison Compare(CacheTagExplanation subject, CacheTagExplanation baseline)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(baseline);
        var subjectInputs = Hashed(subject);
        var baselineInputs = Hashed(baseline);
        var changes = new List<InputChange>();
        foreach (var name in subjectInputs.Keys.Union(baselineInputs.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var inSubject = subjectInputs.TryGetValue(name, out var mine);
            var inBaseline = baselineInputs.TryGetValue(name, out var theirs);
            if (inSubject && !inBaseline)
            {
                changes.Add(new InputChange(name, InputChangeKind.Added, mine!.CanonicalJson, null));
            }
            else if (!inSubject && inBaseline)
            {
                changes.Add(new InputChange(name, InputChangeKind.Removed, null, theirs!.CanonicalJson));
            }
            else if (!string.Equals(mine!.Hash, theirs!.Hash, StringComparison.Ordinal))
            {
                changes.Add(new InputChange(name, InputChangeKind.Changed, mine.CanonicalJson, theirs.CanonicalJson));
            }
        }

        return new TagComparison(subject, baseline, changes);
    }

    private static Dictionary<string, InputHash> Hashed(CacheTagExplanation explanation) =>
        explanation.Inputs.Where(input => !input.Ignored).ToDictionary(input => input.Name, StringComparer.Ordinal);
}
