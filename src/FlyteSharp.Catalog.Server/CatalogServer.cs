using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlyteSharp.Catalog.Server;

/// <summary>Settings of <see cref="CatalogServer"/>.</summary>
public sealed class CatalogServerOptions
{
    /// <summary>Where to listen; loopback on a free port unless another address is given explicitly.</summary>
    public ListenAddress Listen { get; set; } = ListenAddress.Default;

    /// <summary>Logs of the server and its gRPC stack; nothing is logged when null.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The largest request the server accepts, in bytes (artifacts carry their literals inline).</summary>
    public int MaxReceiveMessageSize { get; set; } = 64 * 1024 * 1024;

    /// <summary>How long stopping waits for calls in flight.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Serves an <see cref="IDataCatalog"/> as Flyte's DataCatalog gRPC service on Kestrel, HTTP/2 without TLS. The server
/// borrows the catalog: disposing the server leaves the catalog open. It installs no Ctrl+C or SIGTERM handler: the
/// process that starts it decides when to stop it.
/// </summary>
/// <example>
/// <code>
/// await using var server = await CatalogServer.StartAsync(catalog);
/// Console.WriteLine($"listening on {server.Endpoint}");
/// </code>
/// </example>
public sealed partial class CatalogServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _stopped;

    private CatalogServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Endpoint = address.GetLeftPart(UriPartial.Authority);
    }

    /// <summary>The bound address, with the real port when port 0 was asked for.</summary>
    public Uri Address { get; }

    /// <summary>The bound address as <c>http://HOST:PORT</c>, the form a client's endpoint setting takes.</summary>
    public string Endpoint { get; }

    /// <summary>Starts serving <paramref name="catalog"/>; returns once the server accepts calls.</summary>
    public static async Task<CatalogServer> StartAsync(IDataCatalog catalog, CatalogServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        options ??= new CatalogServerOptions();
        ArgumentNullException.ThrowIfNull(options.Listen);
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(CatalogServer).Assembly.GetName().Name,
        });
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(options.Listen.Address, options.Listen.Port, listen => listen.Protocols = HttpProtocols.Http2);
        });
        // The embedding process owns Ctrl+C and SIGTERM (the CLI disposes the server); no console lifetime here.
        builder.Services.AddSingleton<IHostLifetime, PassiveLifetime>();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);
        builder.Services.AddRouting();
        builder.Services.AddGrpc(grpc => grpc.MaxReceiveMessageSize = options.MaxReceiveMessageSize);
        builder.Services.AddSingleton(catalog);

        var app = builder.Build();
        app.UseRouting();
        app.MapGrpcService<DataCatalogService>();
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var server = new CatalogServer(app, new Uri(bound));
        var logger = loggerFactory.CreateLogger<CatalogServer>();
        if (!options.Listen.IsLoopback)
        {
            LogExposed(logger, server.Endpoint);
        }

        LogListening(logger, server.Endpoint);
        return server;
    }

    /// <summary>Stops accepting calls and waits (up to the shutdown timeout) for calls in flight.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the server and releases its port.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private sealed class PassiveLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "DataCatalog listening on {Endpoint}")]
    private static partial void LogListening(ILogger logger, string endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DataCatalog listening on {Endpoint}, a non-loopback address, without TLS or authentication")]
    private static partial void LogExposed(ILogger logger, string endpoint);
}
