using Datacatalog;
using Flyteidl.Core;
using FlyteSharp.Caching;
using FlyteSharp.Catalog;
using FlyteSharp.Configuration;
using FlyteSharp.Formats;
using FlyteSharp.Literals;
using FlyteSharp.Running;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FlyteSharp.Tests.Running;

/// <summary>
/// A real runner over a real embedded catalog and blob store in a temp folder, built through DI the way users get it,
/// plus a task "report -> FlyteFile&lt;Csv&gt;" whose executions are counted.
/// </summary>
internal sealed class RunnerFixture : IDisposable
{
    private readonly ServiceProvider provider;
    private int executions;

    public RunnerFixture(Action<FlyteOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        Root = Directory.CreateTempSubdirectory("flytesharp-runner-");
        var collection = new ServiceCollection();
        collection.AddFlyteSharp(options =>
        {
            options.Project = "p";
            options.Domain = "d";
            options.Catalog.Path = Path.Combine(Root.FullName, "catalog.db");
            options.RawOutputPrefix = Path.Combine(Root.FullName, "raw");
            options.Cache.ReservationHeartbeat = TimeSpan.FromMilliseconds(200);
            configure?.Invoke(options);
        });
        collection.AddSingleton<IFlyteTaskObserver>(Runs);
        services?.Invoke(collection);
        provider = collection.BuildServiceProvider();
        Runner = provider.GetRequiredService<IFlyteTaskRunner>();
        Catalog = provider.GetRequiredService<IDataCatalog>();
        Options = provider.GetRequiredService<IOptions<FlyteOptions>>().Value;
    }

    public DirectoryInfo Root { get; }

    public IFlyteTaskRunner Runner { get; }

    public IDataCatalog Catalog { get; }

    public FlyteOptions Options { get; }

    public RecordingObserver Runs { get; } = new();

    public int Executions => Volatile.Read(ref executions);

    public static FlyteTaskDescriptor CsvTask(bool cache = true, bool serialize = false, params string[] ignore)
    {
        var @interface = new TypedInterface
        {
            Inputs = new VariableMap { Variables = { ["region"] = new Variable { Type = LiteralConverter.LiteralTypeOf<string>() }, ["run"] = new Variable { Type = LiteralConverter.LiteralTypeOf<long>() } } },
            Outputs = new VariableMap { Variables = { ["o0"] = new Variable { Type = LiteralConverter.LiteralTypeOf<FlyteFile<Csv>>() } } },
        };
        var datasetVersion = cache ? CatalogDataset.Version("1.0", InterfaceStripping.Strip(@interface)) : null;
        return new FlyteTaskDescriptor("tests.Sales.Report", @interface, cache, cache ? "1.0" : null, serialize, ignore, CatalogDataset.Name("tests.Sales.Report"), datasetVersion);
    }

    public static LiteralMap Inputs(string region, long run = 0) => new()
    {
        Literals = { ["region"] = LiteralConverter.ToLiteral(region), ["run"] = LiteralConverter.ToLiteral(run) },
    };

    public DatasetID Dataset(FlyteTaskDescriptor task) => new() { Project = Options.Project, Domain = Options.Domain, Name = task.DatasetName, Version = task.DatasetVersion };

    /// <summary>Runs the task; its body writes a fresh scratch CSV (deleted afterwards unless kept) and counts itself.</summary>
    public Task<LiteralMap> RunAsync(FlyteTaskDescriptor task, LiteralMap inputs, TimeSpan? bodyDelay = null, CancellationToken cancellationToken = default) =>
        Runner.RunAsync(task, inputs, async ct =>
        {
            Interlocked.Increment(ref executions);
            if (bodyDelay is { } delay)
            {
                await Task.Delay(delay, ct);
            }

            var scratch = Path.Combine(Root.CreateSubdirectory("scratch-" + Guid.NewGuid().ToString("N")).FullName, "report.csv");
            await File.WriteAllTextAsync(scratch, "region,total\n" + inputs.Literals["region"].Scalar.Primitive.StringValue + ",42\n", ct);
            return new LiteralMap { Literals = { ["o0"] = LiteralConverter.ToLiteral(new FlyteFile<Csv>(scratch)) } };
        }, cancellationToken);

    /// <summary>Writes a cache entry directly through the catalog API, as a foreign producer would.</summary>
    public Task SeedAsync(FlyteTaskDescriptor task, LiteralMap inputs, Literal o0) => SeedAsync(Dataset(task), task, inputs, o0);

    /// <summary>Writes a cache entry into <paramref name="dataset"/> (another project or domain than the runner's).</summary>
    public async Task SeedAsync(DatasetID dataset, FlyteTaskDescriptor task, LiteralMap inputs, Literal o0)
    {
        try
        {
            await Catalog.CreateDatasetAsync(new CreateDatasetRequest { Dataset = new Dataset { Id = dataset } });
        }
        catch (CatalogException e) when (e.Code == CatalogErrorCode.AlreadyExists)
        {
        }

        var artifact = new Artifact { Id = Guid.NewGuid().ToString(), Dataset = dataset, Data = { new ArtifactData { Name = "o0", Value = o0 } } };
        await Catalog.CreateArtifactAsync(new CreateArtifactRequest { Artifact = artifact });
        await Catalog.AddTagAsync(new AddTagRequest { Tag = new Tag { Name = CacheTag.Compute(inputs, task.CacheIgnoreInputs), ArtifactId = artifact.Id, Dataset = dataset } });
    }

    /// <summary>A blob literal pointing at a real file, with the given format and dimensionality.</summary>
    public Literal BlobLiteral(string format, BlobType.Types.BlobDimensionality dimensionality = BlobType.Types.BlobDimensionality.Single)
    {
        var path = Path.Combine(Root.CreateSubdirectory("foreign").FullName, Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, "region,total\nforeign,7\n");
        return new Literal
        {
            Scalar = new Scalar
            {
                Blob = new Blob
                {
                    Uri = new Uri(path).AbsoluteUri,
                    Metadata = new BlobMetadata { Type = new BlobType { Format = format, Dimensionality = dimensionality } },
                },
            },
        };
    }

    public void Dispose()
    {
        provider.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Root.Delete(recursive: true);
    }
}

internal sealed class RecordingObserver : IFlyteTaskObserver
{
    private readonly List<FlyteTaskRun> runs = [];

    public IReadOnlyList<FlyteTaskRun> All
    {
        get
        {
            lock (runs)
            {
                return [.. runs];
            }
        }
    }

    public FlyteTaskRun Last => All[^1];

    public void OnCompleted(FlyteTaskRun run)
    {
        lock (runs)
        {
            runs.Add(run);
        }
    }
}

/// <summary>
/// A real catalog whose first lookup answers NotFound whatever it holds: the view of a caller that looked just before
/// another owner stored its result.
/// </summary>
internal sealed class FirstLookupMissesCatalog(IDataCatalog inner) : IDataCatalog
{
    private int lookups;

    public Task<GetArtifactResponse> GetArtifactAsync(GetArtifactRequest request, CancellationToken cancellationToken = default) =>
        Interlocked.Increment(ref lookups) == 1
            ? Task.FromException<GetArtifactResponse>(new CatalogException(CatalogErrorCode.NotFound, "not stored yet"))
            : inner.GetArtifactAsync(request, cancellationToken);

    public Task<CreateDatasetResponse> CreateDatasetAsync(CreateDatasetRequest request, CancellationToken cancellationToken = default) => inner.CreateDatasetAsync(request, cancellationToken);

    public Task<GetDatasetResponse> GetDatasetAsync(GetDatasetRequest request, CancellationToken cancellationToken = default) => inner.GetDatasetAsync(request, cancellationToken);

    public Task<CreateArtifactResponse> CreateArtifactAsync(CreateArtifactRequest request, CancellationToken cancellationToken = default) => inner.CreateArtifactAsync(request, cancellationToken);

    public Task<AddTagResponse> AddTagAsync(AddTagRequest request, CancellationToken cancellationToken = default) => inner.AddTagAsync(request, cancellationToken);

    public Task<ListArtifactsResponse> ListArtifactsAsync(ListArtifactsRequest request, CancellationToken cancellationToken = default) => inner.ListArtifactsAsync(request, cancellationToken);

    public Task<ListDatasetsResponse> ListDatasetsAsync(ListDatasetsRequest request, CancellationToken cancellationToken = default) => inner.ListDatasetsAsync(request, cancellationToken);

    public Task<UpdateArtifactResponse> UpdateArtifactAsync(UpdateArtifactRequest request, CancellationToken cancellationToken = default) => inner.UpdateArtifactAsync(request, cancellationToken);

    public Task<GetOrExtendReservationResponse> GetOrExtendReservationAsync(GetOrExtendReservationRequest request, CancellationToken cancellationToken = default) => inner.GetOrExtendReservationAsync(request, cancellationToken);

    public Task<ReleaseReservationResponse> ReleaseReservationAsync(ReleaseReservationRequest request, CancellationToken cancellationToken = default) => inner.ReleaseReservationAsync(request, cancellationToken);
}
