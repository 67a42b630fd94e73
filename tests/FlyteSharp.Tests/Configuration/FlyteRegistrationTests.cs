using Datacatalog;
using FlyteSharp.Caching;
using FlyteSharp.Catalog;
using FlyteSharp.Catalog.Embedded;
using FlyteSharp.Configuration;
using FlyteSharp.Formats;
using FlyteSharp.Literals;
using FlyteSharp.Running;
using FlyteSharp.Storage;
using FlyteSharp.Tests.Running;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FlyteSharp.Tests.Configuration;

/// <summary>
/// <c>AddFlyteSharp</c> registers with TryAdd: what the user registered first (a catalog, a blob store, a clock) is
/// what the runner uses, and calling it twice adds nothing twice.
/// </summary>
public sealed class FlyteRegistrationTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("flytesharp-registration-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        root.Delete(recursive: true);
    }

    [Fact]
    public async Task A_catalog_the_user_registered_first_is_the_one_the_runner_uses()
    {
        using var mine = new SqliteDataCatalog(Path.Combine(root.FullName, "mine.db"));
        var services = new ServiceCollection();
        services.AddSingleton<IDataCatalog>(mine);
        services.AddFlyteSharp(o =>
        {
            o.Catalog.Path = Path.Combine(root.FullName, "default", "catalog.db");
            o.RawOutputPrefix = Path.Combine(root.FullName, "raw");
        });
        using var provider = services.BuildServiceProvider();

        await RunCsvTaskAsync(provider);

        Assert.Same(mine, provider.GetRequiredService<IDataCatalog>());
        var task = RunnerFixture.CsvTask();
        var options = provider.GetRequiredService<IOptions<FlyteOptions>>().Value;
        var entry = await mine.GetArtifactAsync(
            new GetArtifactRequest
            {
                Dataset = new DatasetID { Project = options.Project, Domain = options.Domain, Name = task.DatasetName, Version = task.DatasetVersion },
                TagName = CacheTag.Compute(RunnerFixture.Inputs("eu")),
            },
            Ct);
        Assert.Equal("o0", entry.Artifact.Data.Single().Name);
        Assert.False(Directory.Exists(Path.Combine(root.FullName, "default")));
    }

    [Fact]
    public async Task A_blob_store_and_a_clock_the_user_registered_first_are_used()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var store = new LocalBlobStore(Path.Combine(root.FullName, "my-raw"));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IBlobStore>(store);
        services.AddFlyteSharp(o =>
        {
            o.Catalog.Path = Path.Combine(root.FullName, "catalog.db");
            o.RawOutputPrefix = Path.Combine(root.FullName, "default-raw");
        });
        using var provider = services.BuildServiceProvider();

        var outputs = await RunCsvTaskAsync(provider);

        Assert.Same(store, provider.GetRequiredService<IBlobStore>());
        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
        Assert.StartsWith(store.RawOutputPrefix + Path.DirectorySeparatorChar, LiteralConverter.FromLiteral<FlyteFile<Csv>>(outputs.Literals["o0"]).LocalPath!, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(root.FullName, "default-raw")));
        // The embedded catalog stamps entries with the user's clock.
        var artifact = (await provider.GetRequiredService<IDataCatalog>().ListArtifactsAsync(
            new ListArtifactsRequest { Dataset = DatasetOf(provider, RunnerFixture.CsvTask()) }, Ct)).Artifacts.Single();
        Assert.Equal(clock.GetUtcNow(), artifact.CreatedAt.ToDateTimeOffset());
    }

    [Fact]
    public void Calling_AddFlyteSharp_twice_registers_each_service_once_and_applies_both_configurations()
    {
        var services = new ServiceCollection();
        services.AddFlyteSharp(o => o.Project = "sales");
        services.AddFlyteSharp(o => o.Domain = "production");

        foreach (var type in (Type[])[typeof(IFlyteTaskRunner), typeof(IDataCatalog), typeof(IBlobStore), typeof(TimeProvider), typeof(IValidateOptions<FlyteOptions>)])
        {
            Assert.Single(services, descriptor => descriptor.ServiceType == type);
        }

        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<FlyteOptions>>().Value;
        Assert.Equal(("sales", "production"), (options.Project, options.Domain));
    }

    [Fact]
    public void A_runner_the_user_registered_first_is_kept()
    {
        var mine = new PassThroughRunner();
        var services = new ServiceCollection();
        services.AddSingleton<IFlyteTaskRunner>(mine);
        services.AddFlyteSharp();
        using var provider = services.BuildServiceProvider();

        Assert.Same(mine, provider.GetRequiredService<IFlyteTaskRunner>());
    }

    private static DatasetID DatasetOf(IServiceProvider provider, FlyteTaskDescriptor task)
    {
        var options = provider.GetRequiredService<IOptions<FlyteOptions>>().Value;
        return new DatasetID { Project = options.Project, Domain = options.Domain, Name = task.DatasetName, Version = task.DatasetVersion };
    }

    private async Task<Flyteidl.Core.LiteralMap> RunCsvTaskAsync(IServiceProvider provider)
    {
        var scratch = Path.Combine(root.CreateSubdirectory("scratch").FullName, "report.csv");
        await File.WriteAllTextAsync(scratch, "region,total\neu,1\n", Ct);
        return await provider.GetRequiredService<IFlyteTaskRunner>().RunAsync(
            RunnerFixture.CsvTask(),
            RunnerFixture.Inputs("eu"),
            _ => Task.FromResult(new Flyteidl.Core.LiteralMap { Literals = { ["o0"] = LiteralConverter.ToLiteral(new FlyteFile<Csv>(scratch)) } }),
            Ct);
    }

    private sealed class PassThroughRunner : IFlyteTaskRunner
    {
        public Task<Flyteidl.Core.LiteralMap> RunAsync(
            FlyteTaskDescriptor task, Flyteidl.Core.LiteralMap inputs, Func<CancellationToken, Task<Flyteidl.Core.LiteralMap>> execute, CancellationToken cancellationToken) =>
            execute(cancellationToken);
    }
}
