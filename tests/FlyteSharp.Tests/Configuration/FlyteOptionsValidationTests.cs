using FlyteSharp.Configuration;
using FlyteSharp.Running;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FlyteSharp.Tests.Configuration;

/// <summary>Bad settings stop the application at start-up with a message that names the setting and says what to fix.</summary>
public sealed class FlyteOptionsValidationTests
{
    private static readonly Dictionary<string, Action<FlyteOptions>> Breakers = new(StringComparer.Ordinal)
    {
        ["empty project"] = o => o.Project = string.Empty,
        ["blank project"] = o => o.Project = "   ",
        ["empty domain"] = o => o.Domain = string.Empty,
        ["endpoint without a scheme"] = o => o.Catalog.Endpoint = "datacatalog:8089",
        ["endpoint with another scheme"] = o => o.Catalog.Endpoint = "ftp://datacatalog:8089",
        ["relative endpoint"] = o => o.Catalog.Endpoint = "/datacatalog",
        ["empty catalog path"] = o => o.Catalog.Path = " ",
        ["zero call timeout"] = o => o.Catalog.CallTimeout = TimeSpan.Zero,
        ["negative call timeout"] = o => o.Catalog.CallTimeout = TimeSpan.FromSeconds(-1),
        ["negative maximum age"] = o => o.Cache.MaxAge = TimeSpan.FromMinutes(-5),
        ["zero heartbeat"] = o => o.Cache.ReservationHeartbeat = TimeSpan.Zero,
        ["negative heartbeat"] = o => o.Cache.ReservationHeartbeat = TimeSpan.FromSeconds(-10),
        ["undefined failure policy"] = o => o.Cache.OnCatalogFailure = (CatalogFailurePolicy)42,
        ["remote raw output prefix"] = o => o.RawOutputPrefix = "s3://bucket/raw",
        ["empty raw output prefix"] = o => o.RawOutputPrefix = string.Empty,
        ["no catalog section"] = o => o.Catalog = null!,
        ["no cache section"] = o => o.Cache = null!,
    };

    [Theory]
    [InlineData("empty project", "Flyte:Project is empty; set it to the Flyte project")]
    [InlineData("blank project", "Flyte:Project is empty")]
    [InlineData("empty domain", "Flyte:Domain is empty; set it to the Flyte domain")]
    [InlineData("endpoint without a scheme", "Flyte:Catalog:Endpoint 'datacatalog:8089' is not an http:// or https:// address")]
    [InlineData("endpoint with another scheme", "Flyte:Catalog:Endpoint 'ftp://datacatalog:8089' is not an http:// or https:// address")]
    [InlineData("relative endpoint", "Flyte:Catalog:Endpoint '/datacatalog' is not an http:// or https:// address")]
    [InlineData("empty catalog path", "Flyte:Catalog:Path is empty")]
    [InlineData("zero call timeout", "Flyte:Catalog:CallTimeout must be positive (was 00:00:00)")]
    [InlineData("negative call timeout", "Flyte:Catalog:CallTimeout must be positive (was -00:00:01)")]
    [InlineData("negative maximum age", "Flyte:Cache:MaxAge must be positive or unset (was -00:05:00)")]
    [InlineData("zero heartbeat", "Flyte:Cache:ReservationHeartbeat must be positive (was 00:00:00)")]
    [InlineData("negative heartbeat", "Flyte:Cache:ReservationHeartbeat must be positive (was -00:00:10)")]
    [InlineData("undefined failure policy", "Flyte:Cache:OnCatalogFailure '42' is not FailOpen or Strict")]
    [InlineData("remote raw output prefix", "Flyte:RawOutputPrefix 's3://bucket/raw' uses scheme 's3'")]
    [InlineData("empty raw output prefix", "Flyte:RawOutputPrefix is empty")]
    [InlineData("no catalog section", "Flyte:Catalog is null")]
    [InlineData("no cache section", "Flyte:Cache is null")]
    public void A_bad_setting_fails_start_up_naming_the_setting(string breaker, string expected)
    {
        using var provider = Provider(Breakers[breaker]);

        var atStart = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        var onUse = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IFlyteTaskRunner>());

        Assert.Equal(typeof(FlyteOptions), atStart.OptionsType);
        Assert.Contains(expected, atStart.Message, StringComparison.Ordinal);
        Assert.Single(atStart.Failures);
        Assert.Equal(atStart.Failures, onUse.Failures);
    }

    [Fact]
    public void Every_bad_setting_is_reported_at_once()
    {
        using var provider = Provider(o =>
        {
            o.Project = string.Empty;
            o.Catalog.Endpoint = "catalog";
            o.Cache.ReservationHeartbeat = TimeSpan.Zero;
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Collection(
            error.Failures,
            failure => Assert.StartsWith("Flyte:Project", failure, StringComparison.Ordinal),
            failure => Assert.StartsWith("Flyte:Catalog:Endpoint", failure, StringComparison.Ordinal),
            failure => Assert.StartsWith("Flyte:Cache:ReservationHeartbeat", failure, StringComparison.Ordinal));
    }

    [Fact]
    public void The_defaults_and_a_typical_configuration_are_valid()
    {
        using var defaults = Provider(_ => { });
        using var typical = Provider(o =>
        {
            o.Project = "sales";
            o.Domain = "production";
            o.Catalog.Endpoint = "https://datacatalog.flyte.svc:8089";
            o.Catalog.Path = string.Empty; // ignored when an endpoint is set
            o.Cache.MaxAge = TimeSpan.FromDays(7);
            o.RawOutputPrefix = "file:///var/flyte/raw";
        });

        defaults.GetRequiredService<IStartupValidator>().Validate();
        typical.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal("flytesnacks", defaults.GetRequiredService<IOptions<FlyteOptions>>().Value.Project);
        Assert.Equal("sales", typical.GetRequiredService<IOptions<FlyteOptions>>().Value.Project);
    }

    private static ServiceProvider Provider(Action<FlyteOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddFlyteSharp(configure);
        return services.BuildServiceProvider();
    }
}
