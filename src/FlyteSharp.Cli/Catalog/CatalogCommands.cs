using System.CommandLine;

namespace FlyteSharp.Cli.Catalog;

/// <summary><c>flytesharp catalog serve | ls | show | evict</c>.</summary>
internal static class CatalogCommands
{
    public static Command Create(CliConsole console) => new("catalog", "Serve, inspect and evict the cache catalog (embedded SQLite file, or a DataCatalog over gRPC)")
    {
        CatalogServeCommand.Create(console),
        CatalogListCommand.Create(console),
        CatalogShowCommand.Create(console),
        CatalogEvictCommand.Create(console),
    };

    public static Option<bool> CreateJsonOption(string description) => new("--json") { Description = description };

    public static Argument<string?> CreateDatasetArgument(string description, bool required) => new("DATASET")
    {
        Description = description + " (" + DatasetSelector.Syntax + ", as catalog ls prints it)",
        Arity = required ? ArgumentArity.ExactlyOne : ArgumentArity.ZeroOrOne,
    };
}
