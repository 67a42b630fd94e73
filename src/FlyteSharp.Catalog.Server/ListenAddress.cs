using System.Globalization;
using System.Net;

namespace FlyteSharp.Catalog.Server;

/// <summary>Where the catalog server listens: an IP address and a port (0 picks a free one).</summary>
public sealed record ListenAddress(IPAddress Address, int Port)
{
    /// <summary>The loopback address on a free port: the default, so a catalog is never exposed by accident.</summary>
    public static ListenAddress Default { get; } = new(IPAddress.Loopback, 0);

    /// <summary>Whether only this machine can connect.</summary>
    public bool IsLoopback => IPAddress.IsLoopback(Address);

    /// <summary>
    /// Parses <c>HOST:PORT</c>, <c>[IPv6]:PORT</c> or <c>http://HOST:PORT</c>, where HOST is an IP address or
    /// <c>localhost</c> (the IPv4 loopback).
    /// </summary>
    /// <exception cref="FormatException">The text is not such an address; the message says why.</exception>
    public static ListenAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim();
        if (value.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"Cannot listen on '{text}': the catalog server speaks plaintext HTTP/2 only; use http:// or HOST:PORT behind a TLS proxy.");
        }

        if (value.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            value = value["http://".Length..].TrimEnd('/');
        }

        var colon = value.LastIndexOf(':');
        if (colon <= 0 || colon == value.Length - 1)
        {
            throw new FormatException($"Cannot listen on '{text}': expected HOST:PORT, e.g. 127.0.0.1:8089.");
        }

        var host = value[..colon];
        var portText = value[(colon + 1)..];
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > IPEndPoint.MaxPort)
        {
            throw new FormatException($"Cannot listen on '{text}': '{portText}' is not a port (0 to 65535).");
        }

        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }
        else if (host.Contains(':', StringComparison.Ordinal))
        {
            throw new FormatException($"Cannot listen on '{text}': write an IPv6 address in brackets, e.g. [::1]:8089.");
        }

        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return new ListenAddress(IPAddress.Loopback, port);
        }

        if (!IPAddress.TryParse(host, out var address))
        {
            throw new FormatException($"Cannot listen on '{text}': '{host}' is not an IP address (host names other than localhost are not resolved).");
        }

        return new ListenAddress(address, port);
    }

    /// <inheritdoc />
    public override string ToString() =>
        Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? string.Create(CultureInfo.InvariantCulture, $"[{Address}]:{Port}")
            : string.Create(CultureInfo.InvariantCulture, $"{Address}:{Port}");
}
