using System.CommandLine;
using FlyteSharp.Cli.Input;
using FlyteSharp.Typing;
using LiteralType = Flyteidl.Core.LiteralType;

namespace FlyteSharp.Cli.Types;

/// <summary><c>flytesharp types castable</c>: Flyte's castability check with the lenient Blob rule, from the command line.</summary>
internal static class TypesCommands
{
    // Rejection reasons start here and follow the --to type: type[] is a list element, type{} a map value, type|0 a union variant.
    private const string RootPath = "type";

    public static Command Create(CliConsole console) => new("types", "Check Flyte literal types")
    {
        CreateCastable(console),
    };

    private static Command CreateCastable(CliConsole console)
    {
        var from = new Option<string>("--from")
        {
            Description = "The produced (upstream, e.g. cached) type: a proto3-JSON flyteidl.core.LiteralType, inline or @FILE",
            HelpName = "TYPE",
            Required = true,
        };
        var to = new Option<string>("--to")
        {
            Description = "The expected (downstream) type: a proto3-JSON flyteidl.core.LiteralType, inline or @FILE",
            HelpName = "TYPE",
            Required = true,
        };
        var command = new Command("castable", "Whether a value of one type can be used where another is expected; exit code 1 when not")
        {
            from, to,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var upstream = await ReadTypeAsync("--from", parse.GetRequiredValue(from), console, cancellationToken).ConfigureAwait(false);
            var downstream = await ReadTypeAsync("--to", parse.GetRequiredValue(to), console, cancellationToken).ConfigureAwait(false);
            var result = Castability.Check(upstream, downstream, RootPath);
            await console.Out.WriteLineAsync(result.IsCastable ? "castable" : "not castable: " + result.Reason).ConfigureAwait(false);
            return result.IsCastable ? ExitCodes.Success : ExitCodes.No;
        });
        return command;
    }

    private static async Task<FlyteType> ReadTypeAsync(string option, string value, CliConsole console, CancellationToken cancellationToken)
    {
        string json;
        string source;
        if (value.StartsWith('@'))
        {
            var path = value[1..];
            if (path.Length == 0)
            {
                throw new CliUsageException($"{option} @ needs a file name (@FILE, or @- for standard input)");
            }

            json = await MessageInput.ReadTextAsync(path, console, cancellationToken).ConfigureAwait(false);
            source = $"{option} {MessageInput.Describe(path)}";
        }
        else
        {
            json = value;
            source = option;
        }

        var literalType = MessageInput.ParseJson<LiteralType>(json, source);
        try
        {
            return literalType.ToFlyteType();
        }
        catch (LiteralTypeConversionException e)
        {
            throw new CliUsageException($"{source}: {e.Message}");
        }
    }
}
