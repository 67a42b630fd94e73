using System.Text.Json.Nodes;
using FlyteSharp.Caching;
using FlyteSharp.Catalog.Embedded;
using FlyteSharp.Catalog.Server;
using FlyteSharp.Integration.Tests.Running;
using FlyteSharp.Running;

namespace FlyteSharp.Integration.Tests.Interop;

/// <summary>
/// The task runner sharing a cache with a client nobody here wrote (gRPC for Node and the official Flyte IDL, see
/// <see cref="NodeDataCatalogClient"/>) through FlyteSharp's catalog server: what Node caches for a task, our generated
/// client hits; what our runner caches, Node reads back. The dataset and tag Node uses come from the generated descriptor
/// and <see cref="CacheTag"/>, the way a Flyte cluster derives them.
/// </summary>
public sealed class NodeRunnerInteropTests : IAsyncLifetime
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("flytesharp-node-runner-");
    private SqliteDataCatalog store = null!;
    private CatalogServer server = null!;
    private ReportProbe probe = null!;
    private ScenarioHost host = null!;
    private NodeDataCatalogClient node = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await NodeInteropProject.EnsureInstalledAsync(Ct);
        store = new SqliteDataCatalog(Path.Combine(directory.FullName, "server.db"));
        server = await CatalogServer.StartAsync(store, cancellationToken: Ct);
        probe = new ReportProbe(directory.CreateSubdirectory("scratch"));
        host = new ScenarioHost(probe, options =>
        {
            options.Catalog.Endpoint = server.Endpoint;
            options.RawOutputPrefix = Path.Combine(directory.FullName, "raw");
        });
        node = new NodeDataCatalogClient(server.Endpoint);
    }

    public async ValueTask DisposeAsync()
    {
        host?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        store?.Dispose();
        directory.Delete(recursive: true);
    }

    [Fact]
    public async Task An_entry_Node_caches_with_a_blob_of_no_format_is_a_hit_that_decodes_as_a_csv_file()
    {
        var targets = Path.Combine(directory.FullName, "targets.csv");
        await File.WriteAllTextAsync(targets, "region,target\neu,40\n", Ct);
        var uri = new Uri(targets).AbsoluteUri;
        var dataset = host.Dataset(ReportTasksFlyte.Report);
        var tag = CacheTag.Compute(ScenarioHost.ReportInputs("eu", 7), ReportTasksFlyte.Report.CacheIgnoreInputs);

        var written = await node.WriteAsync(dataset, "node-report-1", tag, uri, Ct);
        var file = await host.Tasks.ReportAsync("eu", 7, Ct);

        Assert.True((bool)written["ok"]!, written.ToJsonString());
        Assert.Equal(0, probe.Executions);
        Assert.Equal((CacheLookupStatus.Hit, tag), (host.Runs.Last.Lookup, host.Runs.Last.Tag));
        Assert.Equal(uri, file.Uri.AbsoluteUri);
        Assert.Equal("csv", file.Format);
        Assert.Equal("region,target\neu,40\n", await File.ReadAllTextAsync(file.LocalPath!, Ct));
        // Node's blob really had no format: the hit is the lenient Blob rule at work, not a format someone filled in.
        var cached = (await store.GetArtifactAsync(new Datacatalog.GetArtifactRequest { Dataset = dataset, TagName = tag }, Ct)).Artifact;
        Assert.Equal(string.Empty, cached.Data.Single().Value.Scalar.Blob.Metadata.Type.Format);
    }

    [Fact]
    public async Task What_the_runner_caches_over_gRPC_Node_reads_back_with_the_csv_format()
    {
        var file = await host.Tasks.ReportAsync("eu", 7, Ct);
        var run = host.Runs.Last;
        var dataset = host.Dataset(ReportTasksFlyte.Report);

        var read = await node.ReadByTagAsync(dataset, run.Tag!, Ct);

        Assert.Equal((CacheLookupStatus.Miss, CachePutStatus.Stored), (run.Lookup, run.Put));
        Assert.True((bool)read["ok"]!, read.ToJsonString());
        var artifact = read["artifact"]!.AsObject();
        Assert.Equal(dataset.Name, (string?)artifact["dataset"]!["name"]);
        Assert.Equal(ReportTasksFlyte.ReportDatasetVersion, (string?)artifact["dataset"]!["version"]);
        Assert.Equal([run.Tag], artifact["tags"]!.AsArray().Select(tag => (string?)tag!["name"]));
        var output = Assert.Single(artifact["data"]!.AsArray())!;
        Assert.Equal("o0", (string?)output["name"]);
        var blob = output["value"]!["scalar"]!["blob"]!;
        Assert.Equal(file.Uri.AbsoluteUri, (string?)blob["uri"]);
        Assert.Equal("csv", (string?)blob["metadata"]!["type"]!["format"]);
        // SINGLE is the enum's zero value: proto3 leaves it off the wire, so Node shows it absent.
        Assert.Null(blob["metadata"]!["type"]!["dimensionality"]);
        Assert.Equal(ReportTasksFlyte.ReportCacheVersion, (string?)artifact["metadata"]!["keyMap"]!["task-version"]);
        Assert.Equal(ReportProbe.ReportText("eu"), await File.ReadAllTextAsync(file.LocalPath!, Ct));
    }

    [Fact]
    public async Task An_entry_Node_caches_for_other_inputs_is_not_a_hit()
    {
        var targets = Path.Combine(directory.FullName, "targets.csv");
        await File.WriteAllTextAsync(targets, "region,target\nus,40\n", Ct);
        var dataset = host.Dataset(ReportTasksFlyte.Report);
        var tag = CacheTag.Compute(ScenarioHost.ReportInputs("us", 7), ReportTasksFlyte.Report.CacheIgnoreInputs);
        var written = await node.WriteAsync(dataset, "node-report-us", tag, new Uri(targets).AbsoluteUri, Ct);

        var file = await host.Tasks.ReportAsync("eu", 7, Ct);

        Assert.True((bool)written["ok"]!, written.ToJsonString());
        Assert.Equal((CacheLookupStatus.Miss, 1), (host.Runs.Last.Lookup, probe.Executions));
        Assert.Equal(ReportProbe.ReportText("eu"), await File.ReadAllTextAsync(file.LocalPath!, Ct));
    }
}
