using FlyteSharp.Catalog;
using FlyteSharp.Catalog.Embedded;
using FlyteSharp.Catalog.Grpc;
using FlyteSharp.Catalog.Server;
using FlyteSharp.Configuration;
using FlyteSharp.Integration.Tests.Catalog;
using FlyteSharp.Running;

namespace FlyteSharp.Integration.Tests.Running;

/// <summary>
/// The seed scenario over Flyte's DataCatalog protocol: the runner's <see cref="GrpcDataCatalog"/> (chosen by
/// <c>Catalog:Endpoint</c>) talks to a real <see cref="CatalogServer"/> on 127.0.0.1, which serves a SQLite store through
/// a call counter. Reservations, puts and lookups all cross the wire.
/// </summary>
public sealed class GrpcCatalogScenarioTests : CachedTaskScenarios
{
    private SqliteDataCatalog store = null!;
    private ScriptedCatalog served = null!;
    private CatalogServer server = null!;

    public override async ValueTask InitializeAsync()
    {
        store = new SqliteDataCatalog(Path.Combine(Root.FullName, "server.db"));
        served = new ScriptedCatalog(store, (_, _, _) => Task.CompletedTask);
        server = await CatalogServer.StartAsync(served, cancellationToken: Ct);
    }

    protected override async ValueTask DisposeCatalogAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        store?.Dispose();
    }

    protected override void UseCatalog(FlyteOptions options)
    {
        options.Catalog.Endpoint = server.Endpoint;
        // Nothing may fall back to a local file: a catalog.db appearing here would mean the endpoint was ignored.
        options.Catalog.Path = Path.Combine(Root.FullName, "must-not-exist", "catalog.db");
    }

    protected override int? ReservationCallsSeen => served.Calls(nameof(IDataCatalog.GetOrExtendReservationAsync));

    [Fact]
    public async Task The_runner_talks_to_the_server_and_never_to_a_local_file()
    {
        var host = Host();

        await host.Tasks.ReportAsync("eu", 1, Ct);
        await host.Tasks.ReportAsync("eu", 1, Ct);

        Assert.IsType<GrpcDataCatalog>(host.Catalog);
        Assert.Equal(2, served.Calls(nameof(IDataCatalog.GetArtifactAsync)));
        Assert.Equal(1, served.Calls(nameof(IDataCatalog.AddTagAsync)));
        Assert.False(Directory.Exists(Path.Combine(Root.FullName, "must-not-exist")));
    }

    [Fact]
    public async Task With_the_server_stopped_between_calls_the_task_still_runs_and_returns_its_outputs()
    {
        var host = Host();
        await host.Tasks.ReportAsync("eu", 1, Ct);

        await server.StopAsync(Ct);
        var file = await host.Tasks.ReportAsync("eu", 1, Ct);

        var run = host.Runs.Last;
        Assert.Equal((CacheLookupStatus.CatalogFailed, CachePutStatus.None, true), (run.Lookup, run.Put, run.Executed));
        Assert.StartsWith("catalog lookup failed", run.Reason, StringComparison.Ordinal);
        Assert.Equal(ReportProbe.ReportText("eu"), await File.ReadAllTextAsync(file.LocalPath!, Ct));
        Assert.Equal(2, Probe.Executions);
    }

    [Fact]
    public async Task With_the_server_stopped_while_the_task_runs_the_outputs_still_come_back()
    {
        var host = Host();
        Probe.During = token => server.StopAsync(token);

        var file = await host.Tasks.ReportAsync("eu", 1, Ct);

        var run = host.Runs.Last;
        Assert.Equal((CacheLookupStatus.Miss, CachePutStatus.Failed, true), (run.Lookup, run.Put, run.Executed));
        Assert.Equal(ReportProbe.ReportText("eu"), await File.ReadAllTextAsync(file.LocalPath!, Ct));
        Assert.Equal(0, served.Calls(nameof(IDataCatalog.CreateArtifactAsync)));
    }

    [Fact]
    public async Task In_strict_mode_a_stopped_server_fails_the_call_and_says_why()
    {
        var host = Host(options => options.Cache.OnCatalogFailure = CatalogFailurePolicy.Strict);
        await server.StopAsync(Ct);

        var error = await Assert.ThrowsAsync<CatalogException>(() => host.Tasks.ReportAsync("eu", 1, Ct));

        Assert.Equal(CatalogErrorCode.Unavailable, error.Code);
        Assert.Contains("OnCatalogFailure is Strict", error.Message, StringComparison.Ordinal);
        Assert.Contains(ReportTasksFlyte.ReportTaskName, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Probe.Executions);
    }
}
