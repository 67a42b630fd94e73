using Datacatalog;
using Flyteidl.Core;
using FlyteSharp.Caching;
using FlyteSharp.Catalog;
using FlyteSharp.Configuration;
using FlyteSharp.Literals;
using FlyteSharp.Running;
using FlyteSharp.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FlyteSharp.Integration.Tests.Running;

/// <summary>
/// A service provider built the way a user builds one: <c>AddFlyteSharp(...)</c> plus the generated
/// <c>AddReportTasks()</c>, with a recorder of every run. What the scenarios call and what they inspect.
/// </summary>
internal sealed class ScenarioHost : IDisposable
{
    private readonly ServiceProvider provider;

    public ScenarioHost(ReportProbe probe, Action<FlyteOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton(probe);
        services.AddSingleton<IFlyteTaskObserver>(Runs);
        services.AddFlyteSharp(configure).AddReportTasks();
        provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Tasks = provider.GetRequiredService<IReportTasks>();
        Catalog = provider.GetRequiredService<IDataCatalog>();
        Options = provider.GetRequiredService<IOptions<FlyteOptions>>().Value;
        Telemetry = provider.GetRequiredService<FlyteTelemetry>();
    }

    /// <summary>The generated client.</summary>
    public IReportTasks Tasks { get; }

    /// <summary>The catalog the runner uses (embedded or the gRPC client).</summary>
    public IDataCatalog Catalog { get; }

    public FlyteOptions Options { get; }

    public FlyteTelemetry Telemetry { get; }

    public RunRecorder Runs { get; } = new();

    /// <summary>The inputs of <see cref="IReportTasks.ReportAsync"/> as the generated client encodes them.</summary>
    public static LiteralMap ReportInputs(string region, long run) => new()
    {
        Literals = { ["region"] = LiteralConverter.ToLiteral(region), ["run"] = LiteralConverter.ToLiteral(run) },
    };

    /// <summary>The catalog dataset of a task, from its generated descriptor and the configured project and domain.</summary>
    public DatasetID Dataset(FlyteTaskDescriptor task) =>
        new() { Project = Options.Project, Domain = Options.Domain, Name = task.DatasetName, Version = task.DatasetVersion };

    /// <summary>Writes a cache entry for the report task straight through the catalog, as a foreign producer would.</summary>
    public async Task SeedReportAsync(string region, long run, Literal o0, CancellationToken cancellationToken)
    {
        var task = ReportTasksFlyte.Report;
        var dataset = Dataset(task);
        try
        {
            await Catalog.CreateDatasetAsync(new CreateDatasetRequest { Dataset = new Dataset { Id = dataset } }, cancellationToken);
        }
        catch (CatalogException e) when (e.Code == CatalogErrorCode.AlreadyExists)
        {
        }

        var artifact = new Artifact { Id = "foreign-" + Guid.NewGuid().ToString("N"), Dataset = dataset, Data = { new ArtifactData { Name = "o0", Value = o0 } } };
        await Catalog.CreateArtifactAsync(new CreateArtifactRequest { Artifact = artifact }, cancellationToken);
        var tag = CacheTag.Compute(ReportInputs(region, run), task.CacheIgnoreInputs);
        await Catalog.AddTagAsync(new AddTagRequest { Tag = new Tag { Name = tag, ArtifactId = artifact.Id, Dataset = dataset } }, cancellationToken);
    }

    /// <summary>The entry the catalog now holds for the report task's inputs.</summary>
    public async Task<Artifact> ReportEntryAsync(string region, long run, CancellationToken cancellationToken)
    {
        var task = ReportTasksFlyte.Report;
        var request = new GetArtifactRequest { Dataset = Dataset(task), TagName = CacheTag.Compute(ReportInputs(region, run), task.CacheIgnoreInputs) };
        return (await Catalog.GetArtifactAsync(request, cancellationToken)).Artifact;
    }

    public void Dispose() => provider.Dispose();
}

/// <summary>Every <see cref="FlyteTaskRun"/> of a host, in completion order.</summary>
internal sealed class RunRecorder : IFlyteTaskObserver
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
