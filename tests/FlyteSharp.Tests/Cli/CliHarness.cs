using System.Text;
using FlyteSharp.Cli;

namespace FlyteSharp.Tests.Cli;

/// <summary>What one in-process run of the CLI printed and returned.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    private static readonly char[] NewLines = ['\r', '\n'];

    /// <summary>Standard output split into lines (the final newline does not start another one).</summary>
    public string[] OutLines => Out.Length == 0 ? [] : Out.TrimEnd(NewLines).Split('\n').Select(line => line.TrimEnd('\r')).ToArray();

    public string[] ErrorLines => Error.Length == 0 ? [] : Error.TrimEnd(NewLines).Split('\n').Select(line => line.TrimEnd('\r')).ToArray();

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Error}";
}

/// <summary>Runs <c>flytesharp</c> in process with its own standard streams, and holds a scratch directory for input files.</summary>
internal sealed class CliHarness : IDisposable
{
    private readonly DirectoryInfo _directory = System.IO.Directory.CreateTempSubdirectory("flytesharp-cli-");

    public string Directory => _directory.FullName;

    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(args, stdin: []);

    public static Task<CliRun> RunWithInputAsync(string stdin, params string[] args) => RunAsync(args, Encoding.UTF8.GetBytes(stdin));

    /// <summary>As if standard output were an interactive terminal (tables get borders).</summary>
    public static Task<CliRun> RunOnTerminalAsync(params string[] args) => RunAsync(args, [], isTerminal: true);

    public static async Task<CliRun> RunAsync(string[] args, byte[] stdin, bool isTerminal = false, CancellationToken cancellationToken = default)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(new MemoryStream(stdin), output, error, IsTerminal: isTerminal);
        var token = cancellationToken.CanBeCanceled ? cancellationToken : TestContext.Current.CancellationToken;
        var exitCode = await FlyteSharpCli.RunAsync(args, console, token);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public string File(string name, string text)
    {
        var path = Path.Combine(Directory, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public string File(string name, byte[] bytes)
    {
        var path = Path.Combine(Directory, name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => _directory.Delete(recursive: true);
}

internal static class CliAssert
{
    /// <summary>The shared policy for bad input: exit code 2, exactly one line on stderr that starts with "error:", nothing on stdout.</summary>
    public static void BadInput(CliRun run, string expectedInMessage)
    {
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Empty(run.Out);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(expectedInMessage, line, StringComparison.Ordinal);
    }
}
