using FlyteSharp.Catalog.Embedded;
using FlyteSharp.Configuration;

namespace FlyteSharp.Integration.Tests.Running;

/// <summary>The seed scenario over the default catalog: the embedded SQLite file, created by <c>AddFlyteSharp</c>.</summary>
public sealed class EmbeddedCatalogScenarioTests : CachedTaskScenarios
{
    protected override void UseCatalog(FlyteOptions options) => options.Catalog.Path = Path.Combine(Root.FullName, "catalog.db");

    [Fact]
    public void The_runner_uses_the_embedded_catalog_at_the_configured_path()
    {
        var host = Host();

        var catalog = Assert.IsType<SqliteDataCatalog>(host.Catalog);
        Assert.Equal(Path.Combine(Root.FullName, "catalog.db"), catalog.DatabasePath);
    }
}
