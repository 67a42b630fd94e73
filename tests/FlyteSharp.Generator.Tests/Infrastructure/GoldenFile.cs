using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace FlyteSharp.Generator.Tests.Infrastructure;

/// <summary>
/// Golden files in the style of Verify: the expected text is checked in as <c>{Class}.{Name}.verified.cs</c>
/// beside the test; on a mismatch the actual text is written to <c>{Class}.{Name}.received.cs</c> and the test
/// fails with a line diff. Set <c>FLYTESHARP_ACCEPT=1</c> to accept the received text as the new golden file.
/// </summary>
internal static class GoldenFile
{
    private const string AcceptVariable = "FLYTESHARP_ACCEPT";

    /// <summary>Compares <paramref name="actual"/> with the golden file of the calling test.</summary>
    /// <param name="actual">The text produced now.</param>
    /// <param name="name">The golden file's name within the test class, usually the test's own name.</param>
    /// <param name="testFile">The calling test's source file (filled in by the compiler).</param>
    public static void Verify(string actual, [CallerMemberName] string name = "", [CallerFilePath] string testFile = "")
    {
        var directory = TestDirectory(testFile);
        var stem = Path.Combine(directory, Path.GetFileNameWithoutExtension(testFile) + "." + name);
        var verifiedPath = stem + ".verified.cs";
        var receivedPath = stem + ".received.cs";
        actual = Normalize(actual);

        var expected = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;
        if (expected == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(verifiedPath, actual, new UTF8Encoding(false));
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual, new UTF8Encoding(false));
        var message = expected is null
            ? $"No golden file {Path.GetFileName(verifiedPath)} yet; wrote {Path.GetFileName(receivedPath)}. Review it, then rename it or run with {AcceptVariable}=1."
            : $"{Path.GetFileName(receivedPath)} differs from {Path.GetFileName(verifiedPath)} (run with {AcceptVariable}=1 to accept):\n{LineDiff.Render(expected, actual)}";
        Assert.Fail(message);
    }

    /// <summary>
    /// The directory of the test source file. The compiler's path can be remapped in CI builds, so a path that
    /// does not exist is resolved again under the project directory recorded at build time.
    /// </summary>
    private static string TestDirectory(string testFile)
    {
        var directory = Path.GetDirectoryName(testFile) ?? string.Empty;
        if (Directory.Exists(directory))
        {
            return directory;
        }

        var projectDirectory = typeof(GoldenFile).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "FlyteSharpProjectDirectory").Value!;
        var marker = "/" + Path.GetFileName(projectDirectory) + "/";
        var normalized = testFile.Replace('\\', '/');
        var index = normalized.LastIndexOf(marker, StringComparison.Ordinal);
        var relative = index < 0 ? Path.GetFileName(directory) : Path.GetDirectoryName(normalized[(index + marker.Length)..]) ?? string.Empty;
        return Path.Combine(projectDirectory, relative);
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}

/// <summary>A minimal line diff (longest common subsequence) for golden-file failures.</summary>
internal static class LineDiff
{
    private const int Context = 2;

    /// <summary>Lines only in <paramref name="expected"/> as <c>-</c>, only in <paramref name="actual"/> as <c>+</c>, with context.</summary>
    public static string Render(string expected, string actual)
    {
        var left = expected.Split('\n');
        var right = actual.Split('\n');
        var lengths = new int[left.Length + 1, right.Length + 1];
        for (var i = left.Length - 1; i >= 0; i--)
        {
            for (var j = right.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = left[i] == right[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var lines = new List<(char Kind, int Line, string Text)>();
        int a = 0, b = 0;
        while (a < left.Length || b < right.Length)
        {
            if (a < left.Length && b < right.Length && left[a] == right[b])
            {
                lines.Add((' ', b + 1, left[a]));
                a++;
                b++;
            }
            else if (b < right.Length && (a == left.Length || lengths[a, b + 1] >= lengths[a + 1, b]))
            {
                lines.Add(('+', b + 1, right[b]));
                b++;
            }
            else
            {
                lines.Add(('-', a + 1, left[a]));
                a++;
            }
        }

        var output = new StringBuilder();
        var lastShown = -1;
        for (var k = 0; k < lines.Count; k++)
        {
            var near = Enumerable.Range(Math.Max(0, k - Context), Math.Min(lines.Count, k + Context + 1) - Math.Max(0, k - Context))
                .Any(n => lines[n].Kind != ' ');
            if (!near)
            {
                continue;
            }

            if (lastShown >= 0 && k > lastShown + 1)
            {
                output.Append("  ...\n");
            }

            output.Append(lines[k].Kind).Append(' ').Append(lines[k].Line.ToString("D4", System.Globalization.CultureInfo.InvariantCulture))
                .Append(": ").Append(lines[k].Text).Append('\n');
            lastShown = k;
        }

        return output.ToString();
    }
}
