using FlyteSharp.Catalog;
using FlyteSharp.Catalog.Embedded;

namespace FlyteSharp.Tests.Catalog;

/// <summary>The catalog contract against the embedded SQLite store, called directly.</summary>
public sealed class SqliteDataCatalogContractTests : DataCatalogContract
{
    protected override ValueTask<IDataCatalog> ConnectAsync(SqliteDataCatalog store) => ValueTask.FromResult<IDataCatalog>(store);
}
