using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Datacatalog;
using FlyteSharp.Catalog;
using FlyteSharp.Catalog.Embedded;
using FlyteSharp.Catalog.Grpc;
using FlyteSharp.Catalog.Server;
using Grpc.Net.Client;
using static FlyteSharp.Tests.Catalog.CatalogTestData;

namespace FlyteSharp.Integration.Tests.Catalog;

/// <summary>Deadlines, retries and failure mapping of the gRPC client, against the real server on 127.0.0.1.</summary>
public sealed class GrpcDataCatalogTests : IAsyncDisposable
{
    private static readonly GrpcDataCatalogOptions FastRetries = new()
    {
        CallTimeout = TimeSpan.FromSeconds(30),
        MaxAttempts = 3,
        InitialBackoff = TimeSpan.FromMilliseconds(20),
        MaxBackoff = TimeSpan.FromMilliseconds(100),
    };

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("flytesharp-grpc-");
    private readonly SqliteDataCatalog _store;
    private readonly List<IAsyncDisposable> _servers = [];

    public GrpcDataCatalogTests() => _store = new SqliteDataCatalog(Path.Combine(_directory.FullName, "catalog.db"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        _store.Dispose();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task A_closed_port_fails_fast_with_Unavailable_after_every_attempt()
    {
        using var client = new GrpcDataCatalog(new Uri($"http://127.0.0.1:{ClosedPort()}"), FastRetries);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<CatalogException>(() => client.GetDatasetAsync(new GetDatasetRequest { Dataset = DatasetId() }, Ct));

        Assert.Equal(CatalogErrorCode.Unavailable, error.Code);
        Assert.Contains("after 3 attempt(s)", error.Message, StringComparison.Ordinal);
        // Far below one 30 s deadline: a refused connection is not waited out.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Transient_failures_are_retried_until_the_call_succeeds()
    {
        await _store.CreateDatasetAsync(CreateDataset(DatasetId()), Ct);
        var (client, script) = await ServeAsync((method, call, _) =>
            call <= 2 ? throw new CatalogException(CatalogErrorCode.Unavailable, "warming up") : Task.CompletedTask);

        var found = await client.GetDatasetAsync(new GetDatasetRequest { Dataset = DatasetId() }, Ct);

        Assert.Equal(DatasetId().Name, found.Dataset.Id.Name);
        Assert.Equal(3, script.Calls(nameof(IDataCatalog.GetDatasetAsync)));
    }

    [Fact]
    public async Task Retries_stop_after_MaxAttempts()
    {
        var (client, script) = await ServeAsync(
            (_, _, _) => throw new CatalogException(CatalogErrorCode.Unavailable, "still down"),
            new GrpcDataCatalogOptions { MaxAttempts = 2, InitialBackoff = TimeSpan.FromMilliseconds(10) });

        var error = await Assert.ThrowsAsync<CatalogException>(() => client.GetDatasetAsync(new GetDatasetRequest { Dataset = DatasetId() }, Ct));

        Assert.Equal(CatalogErrorCode.Unavailable, error.Code);
        Assert.Contains("still down", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, script.Calls(nameof(IDataCatalog.GetDatasetAsync)));
    }

    [Fact]
    public async Task NotFound_AlreadyExists_and_InvalidArgument_are_answered_once_without_retry()
    {
        var (client, script) = await ServeAsync((_, _, _) => Task.CompletedTask);

        await Fails(CatalogErrorCode.NotFound, () => client.GetDatasetAsync(new GetDatasetRequest { Dataset = DatasetId() }, Ct));
        await client.CreateDatasetAsync(CreateDataset(DatasetId()), Ct);
        await Fails(CatalogErrorCode.AlreadyExists, () => client.CreateDatasetAsync(CreateDataset(DatasetId()), Ct));
        await Fails(CatalogErrorCode.InvalidArgument, () => client.GetArtifactAsync(new GetArtifactRequest { Dataset = DatasetId() }, Ct));

        Assert.Equal(1, script.Calls(nameof(IDataCatalog.GetDatasetAsync)));
        Assert.Equal(2, script.Calls(nameof(IDataCatalog.CreateDatasetAsync)));
        Assert.Equal(0, script.Calls(nameof(IDataCatalog.GetArtifactAsync)));
    }

    [Fact]
    public async Task A_call_past_its_deadline_is_retried_then_reported_Unavailable()
    {
        var (client, script) = await ServeAsync(
            (_, _, token) => Task.Delay(Timeout.Infinite, token),
            new GrpcDataCatalogOptions { CallTimeout = TimeSpan.FromMilliseconds(300), MaxAttempts = 2, InitialBackoff = TimeSpan.FromMilliseconds(10) });

        var error = await Assert.ThrowsAsync<CatalogException>(() => client.GetDatasetAsync(new GetDatasetRequest { Dataset = DatasetId() }, Ct));

        Assert.Equal(CatalogErrorCode.Unavailable, error.Code);
        Assert.Contains("DeadlineExceeded", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, script.Calls(nameof(IDataCatalog.GetDatasetAsync)));
    }

    [Fact]
    public async Task The_callers_cancellation_is_OperationCanceled_and_not_retried()
    {
        var (client, script) = await ServeAsync((_, _, token) => Task.Delay(Timeout.Infinite, token));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetDatasetAsync(new GetDatasetRequest { Dataset = DatasetId() }, cancel.Token));

        Assert.Equal(1, script.Calls(nameof(IDataCatalog.GetDatasetAsync)));
    }

    [Fact]
    public async Task An_unexpected_server_failure_is_Internal_with_its_reason_and_not_retried()
    {
        var (client, script) = await ServeAsync((_, _, _) => throw new InvalidOperationException("disk on fire"));

        var error = await Fails(CatalogErrorCode.Internal, () => client.GetDatasetAsync(new GetDatasetRequest { Dataset = DatasetId() }, Ct));

        Assert.Contains("disk on fire", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, script.Calls(nameof(IDataCatalog.GetDatasetAsync)));
    }

    [Fact]
    public async Task A_borrowed_channel_stays_open_and_an_owned_one_is_closed_on_dispose()
    {
        var server = await CatalogServer.StartAsync(_store, cancellationToken: Ct);
        _servers.Add(server);
        await _store.CreateDatasetAsync(CreateDataset(DatasetId()), Ct);
        using var channel = GrpcChannel.ForAddress(server.Endpoint);

        new GrpcDataCatalog(channel).Dispose();
        using (var again = new GrpcDataCatalog(channel))
        {
            await again.GetDatasetAsync(new GetDatasetRequest { Dataset = DatasetId() }, Ct);
        }

        var owner = new GrpcDataCatalog(new Uri(server.Endpoint));
        await owner.GetDatasetAsync(new GetDatasetRequest { Dataset = DatasetId() }, Ct);
        owner.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => owner.GetDatasetAsync(new GetDatasetRequest { Dataset = DatasetId() }, Ct));
    }

    [Fact]
    public async Task A_stopped_server_is_Unavailable_to_its_clients()
    {
        var server = await CatalogServer.StartAsync(_store, cancellationToken: Ct);
        using var client = new GrpcDataCatalog(new Uri(server.Endpoint), FastRetries);
        await client.ListDatasetsAsync(new ListDatasetsRequest(), Ct);

        await server.DisposeAsync();

        await Fails(CatalogErrorCode.Unavailable, () => client.ListDatasetsAsync(new ListDatasetsRequest(), Ct));
    }

    [Fact]
    public async Task An_artifact_larger_than_grpcs_default_4_MiB_round_trips()
    {
        var (client, _) = await ServeAsync((_, _, _) => Task.CompletedTask);
        var id = DatasetId();
        var large = new string('r', 6 * 1024 * 1024);
        await client.CreateDatasetAsync(CreateDataset(id), Ct);
        await client.CreateArtifactAsync(new CreateArtifactRequest { Artifact = Artifact(id, "big", ("o0", StringLiteral(large))) }, Ct);

        var read = await client.GetArtifactAsync(ById(id, "big"), Ct);

        Assert.Equal(large.Length, read.Artifact.Data[0].Value.Scalar.Primitive.StringValue.Length);
    }

    [Fact]
    public void Bad_endpoints_and_options_are_rejected_up_front()
    {
        Assert.Throws<ArgumentException>(() => new GrpcDataCatalog(new Uri("ftp://127.0.0.1:21")));
        Assert.Throws<ArgumentException>(() => new GrpcDataCatalog(new Uri("catalog", UriKind.Relative)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GrpcDataCatalog(new Uri("http://127.0.0.1:1"), new GrpcDataCatalogOptions { MaxAttempts = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GrpcDataCatalog(new Uri("http://127.0.0.1:1"), new GrpcDataCatalogOptions { CallTimeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GrpcDataCatalog(new Uri("http://127.0.0.1:1"), new GrpcDataCatalogOptions { MaxBackoff = TimeSpan.FromMilliseconds(1) }));
    }

    internal static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private async Task<(GrpcDataCatalog Client, ScriptedCatalog Script)> ServeAsync(
        Func<string, int, CancellationToken, Task> before, GrpcDataCatalogOptions? options = null)
    {
        var script = new ScriptedCatalog(_store, before);
        var server = await CatalogServer.StartAsync(script, cancellationToken: Ct);
        var client = new GrpcDataCatalog(new Uri(server.Endpoint), options ?? FastRetries);
        _servers.Add(new ClientAndServer(client, server));
        return (client, script);
    }

    private static async Task<CatalogException> Fails(CatalogErrorCode expected, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<CatalogException>(call);
        Assert.True(expected == error.Code, $"expected {expected}, got {error.Code}: {error.Message}");
        return error;
    }

    private sealed class ClientAndServer(GrpcDataCatalog client, CatalogServer server) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            client.Dispose();
            await server.DisposeAsync();
        }
    }
}
