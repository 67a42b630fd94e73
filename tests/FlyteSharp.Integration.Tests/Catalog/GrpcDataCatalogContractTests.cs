using FlyteSharp.Catalog;
using FlyteSharp.Catalog.Embedded;
using FlyteSharp.Catalog.Grpc;
using FlyteSharp.Catalog.Server;
using FlyteSharp.Tests.Catalog;

namespace FlyteSharp.Integration.Tests.Catalog;

/// <summary>
/// The catalog contract through the wire: <see cref="GrpcDataCatalog"/> calls the real catalog server on 127.0.0.1,
/// which serves the SQLite store. Every case must come out exactly as it does against the store directly.
/// </summary>
public sealed class GrpcDataCatalogContractTests : DataCatalogContract
{
    private CatalogServer? _server;
    private GrpcDataCatalog? _client;

    protected override async ValueTask<IDataCatalog> ConnectAsync(SqliteDataCatalog store)
    {
        _server = await CatalogServer.StartAsync(store, cancellationToken: TestContext.Current.CancellationToken);
        _client = new GrpcDataCatalog(new Uri(_server.Endpoint));
        return _client;
    }

    protected override async ValueTask DisconnectAsync()
    {
        _client?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
