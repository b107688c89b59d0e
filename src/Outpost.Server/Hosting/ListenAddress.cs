using System.Net;

namespace Outpost.Server.Hosting;

/// <summary>A listener URL from configuration, reduced to what Kestrel binds: scheme, IP address, port.</summary>
internal sealed record ListenAddress(bool Https, IPAddress Address, int Port, string Host)
{
    /// <summary>Null and an error naming <paramref name="key"/> when the URL cannot be bound.</summary>
    public static ListenAddress? TryParse(string? url, string key, out string? error)
    {
        error = null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/")
        {
            error = $"Set {key} to an absolute http:// or https:// URL without a path, e.g. https://0.0.0.0:8443 (got '{url}').";
            return null;
        }

        var host = uri.Host.Trim('[', ']');
        IPAddress? address = host switch
        {
            "localhost" => IPAddress.Loopback,
            "*" or "+" => IPAddress.Any,
            _ => IPAddress.TryParse(host, out var ip) ? ip : null,
        };
        if (address is null)
        {
            error = $"Set {key} with an IP address, localhost or 0.0.0.0 as host (got '{uri.Host}').";
            return null;
        }

        return new ListenAddress(uri.Scheme == "https", address, uri.Port, uri.Host);
    }

    public string Format(int boundPort) => $"{(Https ? "https" : "http")}://{(Address.Equals(IPAddress.Loopback) ? "127.0.0.1" : Host)}:{boundPort}";
}
