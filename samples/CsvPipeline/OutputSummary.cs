using Flyteidl.Core;
using FlyteSharp.Running;

namespace CsvPipeline;

/// <summary>Short, human descriptions of task outputs for the run table.</summary>
internal static class OutputSummary
{
    public static string Describe(LiteralMap outputs)
    {
        if (!outputs.Literals.TryGetValue("o0", out var literal) || literal.Scalar is null)
        {
            return "-";
        }

        var scalar = literal.Scalar;
        if (scalar.Blob is { } blob)
        {
            var path = new Uri(blob.Uri).LocalPath;
            var rows = File.Exists(path) ? File.ReadLines(path).Count() - 1 : 0;
            return $"{Path.GetFileName(path)} ({rows} rows)";
        }

        if (scalar.Primitive is { } primitive)
        {
            var text = primitive.StringValue ?? primitive.ToString();
            var firstLine = text.Split('\n')[0];
            return firstLine.Length > 40 ? firstLine[..40] + "…" : firstLine;
        }

        return scalar.ValueCase.ToString();
    }

    /// <summary>One line for each hit whose cached blob had no format but the task declares one: the lenient Blob rule at work.</summary>
    public static IEnumerable<string> LenientBlobNotes(IEnumerable<FlyteTaskRun> runs)
    {
        foreach (var run in runs.Where(r => r.Lookup == CacheLookupStatus.Hit))
        {
            foreach (var (name, literal) in run.Outputs.Literals)
            {
                if (literal.Scalar?.Blob?.Metadata?.Type is { Format: "" })
                {
                    yield return $"Lenient Blob rule: {run.TaskName} output {name} was cached as blob{{}} (no format, as an external producer wrote it) and was accepted for FlyteFile<Csv>; Flyte rejected such entries (flyteorg/flyte#5553).";
                }
            }
        }
    }
}
