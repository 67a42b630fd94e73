namespace FlyteSharp.Cli;

/// <summary>The streams a command reads and writes; tests pass their own to run the CLI in process.</summary>
internal sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error)
{
    public static CliConsole System => new(Console.In, Console.Out, Console.Error);
}

/// <summary>A problem with what the user gave us: one line on stderr and exit code 2.</summary>
internal sealed class CliUsageException(string message) : Exception(message);

/// <summary>Exit codes every command shares.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The answer is "no" (e.g. not castable); the input was fine.</summary>
    public const int No = 1;

    /// <summary>Bad arguments or unreadable input.</summary>
    public const int BadInput = 2;
}
