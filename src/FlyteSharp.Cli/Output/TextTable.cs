using System.Text;
using Spectre.Console;

namespace FlyteSharp.Cli.Output;

/// <summary>
/// A table as the CLI prints it: a Spectre.Console table with borders on a terminal; plain aligned columns (two spaces
/// apart, no trailing spaces, no escape codes, never wrapped) when the output is redirected, for grep, cut and awk.
/// </summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    /// <summary>Whether the first row names the columns.</summary>
    public bool ShowHeaders { get; init; } = true;

    public void AddRow(params string[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"A row needs {headers.Length} cells.", nameof(cells));
        }

        _rows.Add(cells);
    }

    public async Task WriteAsync(CliConsole console)
    {
        if (console.IsTerminal)
        {
            var table = new Table { Border = TableBorder.Rounded, ShowHeaders = ShowHeaders };
            foreach (var header in headers)
            {
                table.AddColumn(Markup.Escape(header));
            }

            foreach (var row in _rows)
            {
                table.AddRow(row.Select(cell => new Text(cell)).ToArray());
            }

            console.CreateTableWriter().Write(table);
            return;
        }

        List<string[]> lines = ShowHeaders ? [headers, .. _rows] : _rows;
        var widths = Enumerable.Range(0, headers.Length).Select(column => lines.Count == 0 ? 0 : lines.Max(line => line[column].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Clear();
            for (var column = 0; column < line.Length; column++)
            {
                text.Append(column == line.Length - 1 ? line[column] : line[column].PadRight(widths[column] + 2));
            }

            await console.Out.WriteLineAsync(text.ToString().TrimEnd()).ConfigureAwait(false);
        }
    }
}
