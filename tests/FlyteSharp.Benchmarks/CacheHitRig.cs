using Datacatalog;
using Flyteidl.Core;
using FlyteSharp.Caching;
using FlyteSharp.Catalog;
using FlyteSharp.Catalog.Embedded;
using FlyteSharp.Catalog.Server;
using FlyteSharp.Formats;
using FlyteSharp.Literals;
using FlyteSharp.Running;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;

namespace FlyteSharp.Benchmarks;

/// <summary>
/// Two task runners built through <c>AddFlyteSharp</c> as a user builds them, one on the embedded catalog and one on
/// <c>GrpcDataCatalog</c> to a <see cref="CatalogServer"/> on 127.0.0.1, both holding a cached entry for the same
/// 3-input task; plus a generated DataCatalog client on its own channel to that server, for bare round trips.
/// </summary>
internal sealed class CacheHitRig : IAsyncDisposable
{
    private const string Region = "north-east";
    private const long Year = 2026;
    private const double Threshold = 0.75;

    private readonly DirectoryInfo root;
    private readonly ServiceProvider embeddedServices;
    private readonly ServiceProvider grpcServices;
    private readonly SqliteDataCatalog serverStore;
    private readonly CatalogServer server;
    private readonly GrpcChannel channel;

    private CacheHitRig(DirectoryInfo root, ServiceProvider embeddedServices, ServiceProvider grpcServices, SqliteDataCatalog serverStore, CatalogServer server)
    {
        this.root = root;
        this.embeddedServices = embeddedServices;
        this.grpcServices = grpcServices;
        this.serverStore = serverStore;
        this.server = server;
        EmbeddedRunner = embeddedServices.GetRequiredService<IFlyteTaskRunner>();
        GrpcRunner = grpcServices.GetRequiredService<IFlyteTaskRunner>();
        EmbeddedCatalog = embeddedServices.GetRequiredService<IDataCatalog>();
        channel = GrpcChannel.ForAddress(server.Endpoint);
        BareClient = new DataCatalog.DataCatalogClient(channel);
        var dataset = new DatasetID { Project = "bench", Domain = "development", Name = ReportTask.DatasetName, Version = ReportTask.DatasetVersion };
        ArtifactRequest = new GetArtifactRequest { Dataset = dataset, TagName = CacheTag.Compute(EncodeInputs(), ReportTask.CacheIgnoreInputs) };
        DatasetRequest = new GetDatasetRequest { Dataset = dataset };
    }

    /// <summary><c>report(region: string, year: long, threshold: double) -> FlyteFile&lt;Csv&gt;</c>, cached.</summary>
    public static FlyteTaskDescriptor ReportTask { get; } = CreateTask();

    public IFlyteTaskRunner EmbeddedRunner { get; }

    public IFlyteTaskRunner GrpcRunner { get; }

    /// <summary>The embedded store behind <see cref="EmbeddedRunner"/>, for its own lookup cost.</summary>
    public IDataCatalog EmbeddedCatalog { get; }

    /// <summary>The generated client, straight on a channel: no FlyteSharp code between the call and the wire.</summary>
    public DataCatalog.DataCatalogClient BareClient { get; }

    /// <summary>The lookup a hit makes: the task's dataset and the tag of the benchmark's inputs.</summary>
    public GetArtifactRequest ArtifactRequest { get; }

    public GetDatasetRequest DatasetRequest { get; }

    public static async Task<CacheHitRig> StartAsync()
    {
        var root = Directory.CreateTempSubdirectory("flytesharp-bench-");
        var serverStore = new SqliteDataCatalog(Path.Combine(root.FullName, "server.db"));
        var server = await CatalogServer.StartAsync(serverStore);
        var embedded = Services(root, catalog: o => o.Catalog.Path = Path.Combine(root.FullName, "embedded.db"));
        var grpc = Services(root, catalog: o => o.Catalog.Endpoint = server.Endpoint);
        var rig = new CacheHitRig(root, embedded, grpc, serverStore, server);

        // One miss each stores the entry; from then on every call must be a hit (checked, so no benchmark measures a miss).
        foreach (var runner in (IFlyteTaskRunner[])[rig.EmbeddedRunner, rig.GrpcRunner])
        {
            await runner.RunAsync(ReportTask, EncodeInputs(), WriteReportAsync(root), CancellationToken.None);
            var hit = await rig.HitAsync(runner);
            if (!File.Exists(hit.LocalPath))
            {
                throw new InvalidOperationException("The cached report is missing after the first run.");
            }
        }

        return rig;
    }

    /// <summary>What a generated client does for one call that hits: encode, run (never executing), decode.</summary>
    public async Task<FlyteFile<Csv>> HitAsync(IFlyteTaskRunner runner)
    {
        var outputs = await runner.RunAsync(ReportTask, EncodeInputs(), NoExecution, CancellationToken.None).ConfigureAwait(false);
        return LiteralConverter.FromLiteral<FlyteFile<Csv>>(outputs.Literals["o0"]);
    }

    public async ValueTask DisposeAsync()
    {
        channel.Dispose();
        await grpcServices.DisposeAsync();
        await embeddedServices.DisposeAsync();
        await server.DisposeAsync();
        serverStore.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        root.Delete(recursive: true);
    }

    private static LiteralMap EncodeInputs()
    {
        var inputs = new LiteralMap();
        inputs.Literals.Add("region", LiteralConverter.ToLiteral(Region));
        inputs.Literals.Add("year", LiteralConverter.ToLiteral(Year));
        inputs.Literals.Add("threshold", LiteralConverter.ToLiteral(Threshold));
        return inputs;
    }

    private static Task<LiteralMap> NoExecution(CancellationToken cancellationToken) =>
        throw new InvalidOperationException("A benchmarked call missed the cache and tried to run the task.");

    private static Func<CancellationToken, Task<LiteralMap>> WriteReportAsync(DirectoryInfo root) => async cancellationToken =>
    {
        var path = Path.Combine(root.CreateSubdirectory("scratch-" + Guid.NewGuid().ToString("N")).FullName, "report.csv");
        await File.WriteAllTextAsync(path, "region,year,total\nnorth-east,2026,42\n", cancellationToken);
        return new LiteralMap { Literals = { ["o0"] = LiteralConverter.ToLiteral(new FlyteFile<Csv>(path)) } };
    };

    private static ServiceProvider Services(DirectoryInfo root, Action<Configuration.FlyteOptions> catalog)
    {
        var services = new ServiceCollection();
        services.AddFlyteSharp(o =>
        {
            o.Project = "bench";
            o.Domain = "development";
            o.RawOutputPrefix = Path.Combine(root.FullName, "raw");
            catalog(o);
        });
        return services.BuildServiceProvider();
    }

    private static FlyteTaskDescriptor CreateTask()
    {
        var @interface = new TypedInterface
        {
            Inputs = new VariableMap
            {
                Variables =
                {
                    ["region"] = new Variable { Type = LiteralConverter.LiteralTypeOf<string>() },
                    ["year"] = new Variable { Type = LiteralConverter.LiteralTypeOf<long>() },
                    ["threshold"] = new Variable { Type = LiteralConverter.LiteralTypeOf<double>() },
                },
            },
            Outputs = new VariableMap { Variables = { ["o0"] = new Variable { Type = LiteralConverter.LiteralTypeOf<FlyteFile<Csv>>() } } },
        };
        const string name = "bench.Sales.Report";
        return new FlyteTaskDescriptor(
            name, @interface, cache: true, cacheVersion: "1.0", cacheSerialize: false, cacheIgnoreInputs: [],
            CatalogDataset.Name(name), CatalogDataset.Version("1.0", InterfaceStripping.Strip(@interface)));
    }
}
