using Spectre.Console;

namespace FlyteSharp.Cli.Output;

/// <summary>Tables as the CLI prints them: rounded borders on a terminal, bare aligned columns when redirected.</summary>
internal static class Tables
{
    public static Table Create(CliConsole console, params string[] headers)
    {
        var table = new Table { Border = console.IsTerminal ? TableBorder.Rounded : TableBorder.None };
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(Markup.Escape(header)) { NoWrap = !console.IsTerminal });
        }

        return table;
    }
}
