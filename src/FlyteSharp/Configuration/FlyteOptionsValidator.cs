using Microsoft.Extensions.Options;

namespace FlyteSharp.Configuration;

/// <summary>Checks <see cref="FlyteOptions"/> at start-up and says what to fix.</summary>
internal sealed class FlyteOptionsValidator : IValidateOptions<FlyteOptions>
{
    public ValidateOptionsResult Validate(string? name, FlyteOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Project))
        {
            failures.Add("Flyte:Project is empty; set it to the Flyte project the cache belongs to (e.g. \"flytesnacks\").");
        }

        if (string.IsNullOrWhiteSpace(options.Domain))
        {
            failures.Add("Flyte:Domain is empty; set it to the Flyte domain (e.g. \"development\").");
        }

        if (string.IsNullOrWhiteSpace(options.RawOutputPrefix))
        {
            failures.Add("Flyte:RawOutputPrefix is empty; set a directory or file:// URI for durable task outputs.");
        }
        else if (Uri.TryCreate(options.RawOutputPrefix, UriKind.Absolute, out var raw) && !raw.IsFile && raw.Scheme.Length > 1)
        {
            failures.Add($"Flyte:RawOutputPrefix '{options.RawOutputPrefix}' uses scheme '{raw.Scheme}'; only local paths and file:// URIs are supported.");
        }

        var catalog = options.Catalog;
        if (catalog is null)
        {
            failures.Add("Flyte:Catalog is null; remove the override or set Catalog:Path / Catalog:Endpoint.");
        }
        else
        {
            if (!string.IsNullOrWhiteSpace(catalog.Endpoint))
            {
                if (!Uri.TryCreate(catalog.Endpoint, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
                {
                    failures.Add($"Flyte:Catalog:Endpoint '{catalog.Endpoint}' is not an http:// or https:// address (e.g. http://datacatalog:8089).");
                }
            }
            else if (string.IsNullOrWhiteSpace(catalog.Path))
            {
                failures.Add("Flyte:Catalog:Path is empty; set the embedded catalog file (default .flyte/catalog.db) or Catalog:Endpoint.");
            }

            if (catalog.CallTimeout <= TimeSpan.Zero)
            {
                failures.Add($"Flyte:Catalog:CallTimeout must be positive (was {catalog.CallTimeout}).");
            }
        }

        var cache = options.Cache;
        if (cache is null)
        {
            failures.Add("Flyte:Cache is null; remove the override.");
        }
        else
        {
            if (cache.MaxAge is { } maxAge && maxAge <= TimeSpan.Zero)
            {
                failures.Add($"Flyte:Cache:MaxAge must be positive or unset (was {maxAge}).");
            }

            if (cache.ReservationHeartbeat <= TimeSpan.Zero)
            {
                failures.Add($"Flyte:Cache:ReservationHeartbeat must be positive (was {cache.ReservationHeartbeat}).");
            }

            if (!Enum.IsDefined(cache.OnCatalogFailure))
            {
                failures.Add($"Flyte:Cache:OnCatalogFailure '{cache.OnCatalogFailure}' is not FailOpen or Strict.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
