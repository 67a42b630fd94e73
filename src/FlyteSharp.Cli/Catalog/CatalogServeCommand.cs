using System.CommandLine;
using FlyteSharp.Catalog.Embedded;
using FlyteSharp.Catalog.Server;

namespace FlyteSharp.Cli.Catalog;

/// <summary>
/// <c>flytesharp catalog serve</c>: the embedded SQLite catalog as a Flyte DataCatalog gRPC service, until Ctrl+C or
/// SIGTERM. Prints <c>listening on http://HOST:PORT</c> once it accepts calls, so a script can wait for that line.
/// </summary>
internal static class CatalogServeCommand
{
    /// <summary>Flyte's datacatalog service port, on loopback.</summary>
    public const string DefaultListen = "127.0.0.1:8089";

    public static Command Create(CliConsole console)
    {
        var database = CatalogSource.CreateDatabaseOption("The SQLite catalog file to serve (created when missing)");
        var listen = new Option<string>("--listen")
        {
            Description = "HOST:PORT to listen on (port 0 picks a free one); loopback unless another address is given here",
            HelpName = "HOST:PORT",
            DefaultValueFactory = _ => DefaultListen,
        };
        var command = new Command("serve", "Serve the embedded catalog over Flyte's DataCatalog gRPC API until Ctrl+C or SIGTERM")
        {
            database, listen,
        };
        command.SetAction((parse, cancellationToken) => ServeAsync(console, parse.GetRequiredValue(database), parse.GetRequiredValue(listen), cancellationToken));
        return command;
    }

    private static async Task<int> ServeAsync(CliConsole console, string databasePath, string listenText, CancellationToken cancellationToken)
    {
        ListenAddress address;
        try
        {
            address = ListenAddress.Parse(listenText);
        }
        catch (FormatException e)
        {
            throw new CliUsageException("--listen: " + e.Message);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var signals = console.OwnsProcess ? TerminationSignals.Register(stop) : null;

        using var store = new SqliteDataCatalog(databasePath);
        await CatalogSource.InitializeAsync(store, databasePath, stop.Token).ConfigureAwait(false);
        var server = await CatalogServer.StartAsync(store, new CatalogServerOptions { Listen = address }, stop.Token).ConfigureAwait(false);
        await using (server.ConfigureAwait(false))
        {
            if (!address.IsLoopback)
            {
                await console.Error.WriteLineAsync($"warning: serving {store.DatabasePath} on {server.Endpoint}, a non-loopback address, without TLS or authentication").ConfigureAwait(false);
            }

            // Scripts and tests wait for exactly this line: write it once the server accepts calls, and flush it now.
            await console.Out.WriteLineAsync("listening on " + server.Endpoint).ConfigureAwait(false);
            await console.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C, SIGTERM or the caller's cancellation: stop below, letting calls in flight finish.
            }

            await console.Error.WriteLineAsync("stopping").ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
