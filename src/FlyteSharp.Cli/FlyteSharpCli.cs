using System.CommandLine;
using System.CommandLine.Help;
using FlyteSharp.Caching;
using FlyteSharp.Catalog;
using FlyteSharp.Cli.CacheKeys;
using FlyteSharp.Cli.CacheLock;
using FlyteSharp.Cli.Catalog;
using FlyteSharp.Cli.Types;
using FlyteSharp.Typing;
using Google.Protobuf;

namespace FlyteSharp.Cli;

/// <summary>The <c>flytesharp</c> command line: parsing, dispatch and the shared error policy.</summary>
internal static class FlyteSharpCli
{
    public const string CommandName = "flytesharp";

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        try
        {
            return await ParseAndInvokeAsync(args, console, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await console.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    public static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();

    private static async Task<int> ParseAndInvokeAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        // Named after the tool command, not the executable: help reads "flytesharp" however the CLI was started.
        var root = new Command(CommandName, "FlyteSharp: Flyte tasks in C#. Compute Flyte cache keys, check type castability, and inspect or serve a catalog.")
        {
            new HelpOption(),
            new VersionOption(),
            CacheKeyCommands.Create(console),
            TypesCommands.Create(console),
            CatalogCommands.Create(console),
            CacheLockCommand.Create(console.Out, console.Error),
        };

        // No response files: "@FILE" is how types castable takes a type from a file.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            await console.Error.WriteLineAsync("error: " + OneLine(parse.Errors[0].Message) + " (see --help)").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        try
        {
            var configuration = new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,

                // Commands that run until stopped (catalog serve) handle Ctrl+C and SIGTERM themselves and shut down
                // cleanly; everything else ends by itself and may simply be killed.
                ProcessTerminationTimeout = null,
            };
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is CliUsageException or InvalidProtocolBufferException or InvalidJsonException or IOException
            or UnauthorizedAccessException or FormatException or CacheKeyException or LiteralTypeConversionException)
        {
            await console.Error.WriteLineAsync("error: " + OneLine(e.Message)).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (CatalogException e)
        {
            await console.Error.WriteLineAsync($"error: catalog {e.Code}: {OneLine(e.Message)}").ConfigureAwait(false);
            return e.Code switch
            {
                CatalogErrorCode.NotFound => ExitCodes.No,
                CatalogErrorCode.InvalidArgument => ExitCodes.BadInput,
                _ => ExitCodes.CatalogFailed,
            };
        }
    }
}
