using System.CommandLine;
using FlyteSharp.Catalog;
using FlyteSharp.Catalog.Embedded;
using FlyteSharp.Catalog.Grpc;

namespace FlyteSharp.Cli.Catalog;

/// <summary>
/// The catalog a command works on: the embedded SQLite file (<c>--db</c>, default <c>.flyte/catalog.db</c>) or a Flyte
/// DataCatalog over gRPC (<c>--endpoint</c>).
/// </summary>
internal sealed class CatalogSource : IDisposable
{
    public static readonly string DefaultDatabasePath = Path.Combine(".flyte", "catalog.db");

    private readonly IDisposable _owned;

    private CatalogSource(IDataCatalog catalog, SqliteDataCatalog? embedded, IDisposable owned)
    {
        Catalog = catalog;
        Embedded = embedded;
        _owned = owned;
    }

    public IDataCatalog Catalog { get; }

    /// <summary>The SQLite store, or null over gRPC (whose API has no delete).</summary>
    public SqliteDataCatalog? Embedded { get; }

    public static Option<string> CreateDatabaseOption(string description) => new("--db")
    {
        Description = description,
        HelpName = "FILE",
        DefaultValueFactory = _ => DefaultDatabasePath,
    };

    public static Option<string> CreateEndpointOption() => new("--endpoint")
    {
        Description = "A Flyte DataCatalog over gRPC instead of the embedded file, e.g. http://127.0.0.1:8089 (a flytesharp catalog serve) or a Flyte deployment's datacatalog",
        HelpName = "URL",
    };

    /// <summary>Opens the catalog the options name; an embedded file must exist already (a typo must not create an empty catalog).</summary>
    /// <exception cref="CliUsageException">Both options are given, the file does not exist or is not a catalog, or the URL is not http(s).</exception>
    public static async Task<CatalogSource> OpenAsync(ParseResult parse, Option<string> database, Option<string> endpoint, CancellationToken cancellationToken)
    {
        var url = parse.GetValue(endpoint);
        var databaseGiven = parse.GetResult(database) is { Implicit: false };
        if (url is not null)
        {
            if (databaseGiven)
            {
                throw new CliUsageException("give either --db or --endpoint, not both");
            }

            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new CliUsageException($"--endpoint '{url}' is not an http:// or https:// URL");
            }

            var remote = new GrpcDataCatalog(uri);
            return new CatalogSource(remote, null, remote);
        }

        var path = parse.GetRequiredValue(database);
        if (!File.Exists(path))
        {
            throw new CliUsageException(databaseGiven
                ? $"no catalog at '{path}': no such file"
                : $"no catalog at '{path}' (the default); give --db FILE or --endpoint URL");
        }

        var embedded = new SqliteDataCatalog(path);
        await InitializeAsync(embedded, path, cancellationToken).ConfigureAwait(false);
        return new CatalogSource(embedded, embedded, embedded);
    }

    /// <summary>Opens the file early so a file that is not a catalog is reported as bad input, not as a catalog failure.</summary>
    public static async Task InitializeAsync(SqliteDataCatalog catalog, string path, CancellationToken cancellationToken)
    {
        try
        {
            await catalog.InitializeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CatalogException e) when (e.Code != CatalogErrorCode.Unavailable)
        {
            catalog.Dispose();
            throw new CliUsageException($"cannot open catalog '{path}': {e.Message}");
        }
        catch
        {
            catalog.Dispose();
            throw;
        }
    }

    public void Dispose() => _owned.Dispose();
}
