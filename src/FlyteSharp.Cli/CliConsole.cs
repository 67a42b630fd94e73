using System.Text;
using Spectre.Console;

namespace FlyteSharp.Cli;

/// <summary>
/// The streams a command reads and writes. The process gets the real ones; tests pass their own to run the CLI in
/// process and read what it printed.
/// </summary>
/// <param name="Input">Standard input as bytes (binary protobuf is read from it, not only text).</param>
/// <param name="Out">Standard output: results only, so it can be piped.</param>
/// <param name="Error">Standard error: errors, warnings and progress.</param>
/// <param name="IsTerminal">Whether <paramref name="Out"/> is an interactive terminal (tables get borders and colour).</param>
/// <param name="OwnsProcess">Whether this console is the process's own: only then may a command install Ctrl+C and SIGTERM handlers.</param>
internal sealed record CliConsole(Stream Input, TextWriter Out, TextWriter Error, bool IsTerminal = false, bool OwnsProcess = false)
{
    // Results can be thousands of lines (one per pb-base64 input line): buffer them and flush at the end, or
    // explicitly where a reader waits for a line (the catalog server's "listening on").
    private const int OutputBufferSize = 64 * 1024;

    /// <summary>The process's own standard streams.</summary>
    public static CliConsole ForProcess()
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var output = new StreamWriter(Console.OpenStandardOutput(), utf8, OutputBufferSize) { AutoFlush = false };
        var error = new StreamWriter(Console.OpenStandardError(), utf8) { AutoFlush = true };
        return new CliConsole(Console.OpenStandardInput(), output, error, IsTerminal: !Console.IsOutputRedirected, OwnsProcess: true);
    }

    /// <summary>
    /// A Spectre.Console writer over <see cref="Out"/>: borders and colour on a terminal; plain text (no escape codes,
    /// no wrapping at 80 columns) when the output is redirected.
    /// </summary>
    public IAnsiConsole CreateTableWriter()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = IsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(Out),
        });
        if (!IsTerminal)
        {
            // Long tags and dataset names must stay on one line for grep and cut.
            console.Profile.Width = 4096;
        }

        return console;
    }
}

/// <summary>A problem with what the user gave us: one line on stderr and exit code 2.</summary>
internal sealed class CliUsageException(string message) : Exception(message);

/// <summary>Exit codes every command shares (docs/cli.md lists them).</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The answer is "no" (not castable, the tags differ, nothing found); the input was fine.</summary>
    public const int No = 1;

    /// <summary>Bad arguments or unreadable input.</summary>
    public const int BadInput = 2;

    /// <summary>The catalog failed: unreachable, or an error on its side.</summary>
    public const int CatalogFailed = 3;
}
