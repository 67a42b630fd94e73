using System.CommandLine;
using FlyteSharp.Catalog;
using FlyteSharp.Cli.Commands;
using Google.Protobuf;

namespace FlyteSharp.Cli;

/// <summary>The <c>flytesharp</c> command line: parsing, dispatch and the shared error policy.</summary>
internal static class FlyteSharpCli
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        var root = new RootCommand("FlyteSharp: Flyte tasks in C#. Compute Flyte cache keys, check type castability, and inspect or serve a catalog.")
        {
            CacheKeyCommands.Create(console),
            TypesCommands.Create(console),
            CatalogCommands.Create(console),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            await console.Error.WriteLineAsync("error: " + parse.Errors[0].Message + " (see --help)").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        try
        {
            var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false };
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is CliUsageException or InvalidProtocolBufferException or InvalidJsonException or IOException or UnauthorizedAccessException or FormatException)
        {
            await console.Error.WriteLineAsync("error: " + OneLine(e.Message)).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (CatalogException e)
        {
            await console.Error.WriteLineAsync($"error: catalog {e.Code}: {OneLine(e.Message)}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
    }

    public static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
