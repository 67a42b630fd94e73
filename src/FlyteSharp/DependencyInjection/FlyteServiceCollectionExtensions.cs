using FlyteSharp.Catalog;
using FlyteSharp.Catalog.Embedded;
using FlyteSharp.Catalog.Grpc;
using FlyteSharp.Configuration;
using FlyteSharp.DependencyInjection;
using FlyteSharp.Running;
using FlyteSharp.Storage;
using FlyteSharp.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// In the DI namespace on purpose, like AddLogging/AddHttpClient: the call is found without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers FlyteSharp: options, the catalog, blob storage and the cached task runner.</summary>
public static class FlyteServiceCollectionExtensions
{
    /// <summary>
    /// Adds FlyteSharp with options set in code. The embedded SQLite catalog is used unless
    /// <see cref="CatalogOptions.Endpoint"/> names a Flyte DataCatalog. Chain the generated <c>Add{Class}()</c> calls.
    /// </summary>
    public static IFlyteBuilder AddFlyteSharp(this IServiceCollection services, Action<FlyteOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<FlyteOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return AddCore(services, options);
    }

    /// <summary>Adds FlyteSharp with options bound from configuration (e.g. the <c>Flyte</c> section).</summary>
    public static IFlyteBuilder AddFlyteSharp(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        return AddCore(services, services.AddOptions<FlyteOptions>().Bind(configuration));
    }

    private static FlyteBuilder AddCore(IServiceCollection services, OptionsBuilder<FlyteOptions> options)
    {
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FlyteOptions>, FlyteOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new FlyteTelemetry(provider.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton<IDataCatalog>(CreateCatalog);
        services.TryAddSingleton<IBlobStore>(provider => new LocalBlobStore(provider.GetRequiredService<IOptions<FlyteOptions>>().Value.RawOutputPrefix));
        services.TryAddSingleton<IFlyteTaskRunner, FlyteTaskRunner>();
        return new FlyteBuilder(services);
    }

    private static IDataCatalog CreateCatalog(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<FlyteOptions>>().Value;
        return string.IsNullOrWhiteSpace(options.Catalog.Endpoint)
            ? new SqliteDataCatalog(options.Catalog.Path, provider.GetRequiredService<TimeProvider>())
            : new GrpcDataCatalog(new Uri(options.Catalog.Endpoint), new GrpcDataCatalogOptions { CallTimeout = options.Catalog.CallTimeout });
    }

    private sealed class FlyteBuilder(IServiceCollection services) : IFlyteBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}
