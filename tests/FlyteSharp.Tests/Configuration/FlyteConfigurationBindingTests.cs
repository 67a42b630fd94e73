using System.Net;
using System.Net.Sockets;
using FlyteSharp.Catalog;
using FlyteSharp.Catalog.Embedded;
using FlyteSharp.Catalog.Grpc;
using FlyteSharp.Configuration;
using FlyteSharp.Running;
using FlyteSharp.Storage;
using FlyteSharp.Tests.Running;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FlyteSharp.Tests.Configuration;

/// <summary><c>services.AddFlyteSharp(configuration.GetSection("Flyte"))</c>: every setting binds, and the bound settings act.</summary>
public sealed class FlyteConfigurationBindingTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("flytesharp-config-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        root.Delete(recursive: true);
    }

    [Fact]
    public void Every_setting_binds_from_the_Flyte_section()
    {
        using var provider = Provider(new()
        {
            ["Flyte:Project"] = "sales",
            ["Flyte:Domain"] = "production",
            ["Flyte:RawOutputPrefix"] = Path.Combine(root.FullName, "raw"),
            ["Flyte:Catalog:Path"] = Path.Combine(root.FullName, "cache", "catalog.db"),
            ["Flyte:Catalog:CallTimeout"] = "00:00:03",
            ["Flyte:Cache:Disabled"] = "false",
            ["Flyte:Cache:MaxAge"] = "7.00:00:00",
            ["Flyte:Cache:Overwrite"] = "true",
            ["Flyte:Cache:ReservationHeartbeat"] = "00:00:05",
            ["Flyte:Cache:OnCatalogFailure"] = "Strict",
        });

        var options = provider.GetRequiredService<IOptions<FlyteOptions>>().Value;

        Assert.Equal(("sales", "production"), (options.Project, options.Domain));
        Assert.Equal(Path.Combine(root.FullName, "raw"), options.RawOutputPrefix);
        Assert.Equal(Path.Combine(root.FullName, "cache", "catalog.db"), options.Catalog.Path);
        Assert.Null(options.Catalog.Endpoint);
        Assert.Equal(TimeSpan.FromSeconds(3), options.Catalog.CallTimeout);
        Assert.Equal((false, TimeSpan.FromDays(7), true), (options.Cache.Disabled, options.Cache.MaxAge, options.Cache.Overwrite));
        Assert.Equal(TimeSpan.FromSeconds(5), options.Cache.ReservationHeartbeat);
        Assert.Equal(CatalogFailurePolicy.Strict, options.Cache.OnCatalogFailure);
        Assert.Equal(Path.Combine(root.FullName, "raw"), Assert.IsType<LocalBlobStore>(provider.GetRequiredService<IBlobStore>()).RawOutputPrefix);
    }

    [Fact]
    public void Without_an_endpoint_the_embedded_catalog_opens_the_configured_file()
    {
        using var provider = Provider(new() { ["Flyte:Catalog:Path"] = Path.Combine(root.FullName, "catalog.db") });

        var catalog = Assert.IsType<SqliteDataCatalog>(provider.GetRequiredService<IDataCatalog>());

        Assert.Equal(Path.Combine(root.FullName, "catalog.db"), catalog.DatabasePath);
    }

    [Fact]
    public async Task An_endpoint_chooses_the_gRPC_catalog_and_Strict_makes_its_failure_fail_the_run()
    {
        var port = ClosedLoopbackPort();
        using var provider = Provider(new()
        {
            ["Flyte:Catalog:Endpoint"] = $"http://127.0.0.1:{port}",
            ["Flyte:Catalog:Path"] = Path.Combine(root.FullName, "unused", "catalog.db"),
            ["Flyte:Catalog:CallTimeout"] = "00:00:02",
            ["Flyte:Cache:OnCatalogFailure"] = "Strict",
            ["Flyte:RawOutputPrefix"] = Path.Combine(root.FullName, "raw"),
        });
        var executed = false;

        var catalog = Assert.IsType<GrpcDataCatalog>(provider.GetRequiredService<IDataCatalog>());
        var error = await Assert.ThrowsAsync<CatalogException>(() => provider.GetRequiredService<IFlyteTaskRunner>().RunAsync(
            RunnerFixture.CsvTask(),
            RunnerFixture.Inputs("eu"),
            _ =>
            {
                executed = true;
                return Task.FromResult(new Flyteidl.Core.LiteralMap());
            },
            Ct));

        Assert.Equal($"127.0.0.1:{port}", catalog.Target);
        Assert.Equal(CatalogErrorCode.Unavailable, error.Code);
        Assert.Contains("Flyte:Cache:OnCatalogFailure is Strict", error.Message, StringComparison.Ordinal);
        Assert.False(executed);
        Assert.False(Directory.Exists(Path.Combine(root.FullName, "unused")));
    }

    [Fact]
    public async Task The_same_failing_endpoint_without_Strict_still_runs_the_task()
    {
        using var provider = Provider(new()
        {
            ["Flyte:Catalog:Endpoint"] = $"http://127.0.0.1:{ClosedLoopbackPort()}",
            ["Flyte:Catalog:CallTimeout"] = "00:00:02",
            ["Flyte:RawOutputPrefix"] = Path.Combine(root.FullName, "raw"),
        });
        var outputs = new Flyteidl.Core.LiteralMap { Literals = { ["o0"] = FlyteSharp.Literals.LiteralConverter.ToLiteral(1L) } };

        var returned = await provider.GetRequiredService<IFlyteTaskRunner>().RunAsync(
            RunnerFixture.CsvTask(), RunnerFixture.Inputs("eu"), _ => Task.FromResult(outputs), Ct);

        Assert.Equal(outputs, returned);
    }

    [Theory]
    [InlineData("Flyte:Cache:ReservationHeartbeat", "soon", "System.TimeSpan")]
    [InlineData("Flyte:Cache:OnCatalogFailure", "Sometimes", "FlyteSharp.Configuration.CatalogFailurePolicy")]
    [InlineData("Flyte:Catalog:CallTimeout", "10 seconds", "System.TimeSpan")]
    public void A_value_that_does_not_parse_is_reported_with_its_key(string key, string value, string type)
    {
        using var provider = Provider(new() { [key] = value });

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<FlyteOptions>>().Value);

        Assert.Contains($"'{value}'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{key}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(type, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bound_value_that_parses_but_is_wrong_fails_validation_naming_the_key()
    {
        using var provider = Provider(new() { ["Flyte:Cache:ReservationHeartbeat"] = "-00:00:01", ["Flyte:Domain"] = string.Empty });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, failure => failure.StartsWith("Flyte:Cache:ReservationHeartbeat must be positive", StringComparison.Ordinal));
        Assert.Contains(error.Failures, failure => failure.StartsWith("Flyte:Domain is empty", StringComparison.Ordinal));
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddFlyteSharp(configuration.GetSection("Flyte"));
        return services.BuildServiceProvider();
    }

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
