using System.Net;
using System.Text.RegularExpressions;
using Datacatalog;
using FlyteSharp.Catalog.Embedded;
using FlyteSharp.Catalog.Server;
using Grpc.Core;
using Grpc.Net.Client;
using static FlyteSharp.Tests.Catalog.CatalogTestData;

namespace FlyteSharp.Integration.Tests.Catalog;

/// <summary>The catalog server as any gRPC client sees it: the generated DataCatalog client, no FlyteSharp client code.</summary>
public sealed partial class CatalogServerTests : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("flytesharp-server-");
    private SqliteDataCatalog _store = null!;
    private CatalogServer _server = null!;
    private GrpcChannel _channel = null!;
    private DataCatalog.DataCatalogClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = new SqliteDataCatalog(Path.Combine(_directory.FullName, "catalog.db"));
        _server = await CatalogServer.StartAsync(_store, cancellationToken: Ct);
        _channel = GrpcChannel.ForAddress(_server.Endpoint);
        _client = new DataCatalog.DataCatalogClient(_channel);
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _server.DisposeAsync();
        _store.Dispose();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public void By_default_the_server_listens_on_loopback_on_a_free_port()
    {
        var match = EndpointPattern().Match(_server.Endpoint);

        Assert.True(match.Success, _server.Endpoint);
        Assert.NotEqual("0", match.Groups["port"].Value);
        Assert.Equal(_server.Endpoint + "/", _server.Address.ToString());
    }

    [Fact]
    public async Task Invalid_requests_get_the_InvalidArgument_status_with_Flytes_wording()
    {
        var id = DatasetId();
        id.Project = string.Empty;

        var error = await Assert.ThrowsAsync<RpcException>(async () => await _client.CreateDatasetAsync(CreateDataset(id), cancellationToken: Ct));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("missing project", error.Status.Detail);
    }

    [Fact]
    public async Task Missing_and_duplicate_entries_get_NotFound_and_AlreadyExists()
    {
        var missing = await Assert.ThrowsAsync<RpcException>(async () =>
            await _client.GetArtifactAsync(ByTag(DatasetId(), "flyte_cached-x"), cancellationToken: Ct));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);

        await _client.CreateDatasetAsync(CreateDataset(DatasetId()), cancellationToken: Ct);
        var duplicate = await Assert.ThrowsAsync<RpcException>(async () =>
            await _client.CreateDatasetAsync(CreateDataset(DatasetId()), cancellationToken: Ct));
        Assert.Equal(StatusCode.AlreadyExists, duplicate.StatusCode);
    }

    [Fact]
    public async Task A_put_and_lookup_round_trip_through_the_generated_client()
    {
        var id = DatasetId();
        await _client.CreateDatasetAsync(CreateDataset(id), cancellationToken: Ct);
        await _client.CreateArtifactAsync(CreateArtifact(id, "a1", output: 5), cancellationToken: Ct);
        await _client.AddTagAsync(AddTag(id, "flyte_cached-x", "a1"), cancellationToken: Ct);

        var hit = await _client.GetArtifactAsync(ByTag(id, "flyte_cached-x"), cancellationToken: Ct);

        Assert.Equal(5, hit.Artifact.Data[0].Value.Scalar.Primitive.Integer);
        // The store saw the same write: the server adds nothing and drops nothing.
        Assert.Equal("a1", (await _store.GetArtifactAsync(ByTag(id, "flyte_cached-x"), Ct)).Artifact.Id);
    }

    [Fact]
    public async Task The_server_listens_on_an_explicit_port_and_releases_it_when_disposed()
    {
        var port = GrpcDataCatalogTests.ClosedPort();
        var server = await CatalogServer.StartAsync(_store, new CatalogServerOptions { Listen = ListenAddress.Parse($"127.0.0.1:{port}") }, Ct);
        Assert.Equal($"http://127.0.0.1:{port}", server.Endpoint);

        await server.DisposeAsync();

        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, port);
        listener.Start();
        listener.Stop();
    }

    [Theory]
    [InlineData("127.0.0.1:8089", "127.0.0.1:8089", true)]
    [InlineData("localhost:0", "127.0.0.1:0", true)]
    [InlineData("http://127.0.0.1:5000/", "127.0.0.1:5000", true)]
    [InlineData("[::1]:7000", "[::1]:7000", true)]
    [InlineData("0.0.0.0:8089", "0.0.0.0:8089", false)]
    [InlineData(" 10.1.2.3:80 ", "10.1.2.3:80", false)]
    public void Listen_addresses_parse(string text, string expected, bool loopback)
    {
        var address = ListenAddress.Parse(text);

        Assert.Equal(expected, address.ToString());
        Assert.Equal(loopback, address.IsLoopback);
    }

    [Theory]
    [InlineData("8089", "HOST:PORT")]
    [InlineData("127.0.0.1:", "HOST:PORT")]
    [InlineData("127.0.0.1:http", "not a port")]
    [InlineData("127.0.0.1:70000", "not a port")]
    [InlineData("catalog.internal:8089", "not an IP address")]
    [InlineData("::1:8089", "brackets")]
    [InlineData("https://127.0.0.1:8089", "plaintext")]
    public void Bad_listen_addresses_say_what_is_wrong(string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => ListenAddress.Parse(text));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_listen_address_is_loopback_on_a_free_port()
    {
        Assert.True(ListenAddress.Default.IsLoopback);
        Assert.Equal(0, ListenAddress.Default.Port);
        Assert.Equal(ListenAddress.Default, new CatalogServerOptions().Listen);
    }

    [GeneratedRegex(@"^http://127\.0\.0\.1:(?<port>\d+)$")]
    private static partial Regex EndpointPattern();
}
