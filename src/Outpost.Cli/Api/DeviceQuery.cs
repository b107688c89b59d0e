using Outpost.Protocol.Admin;

namespace Outpost.Cli.Api;

/// <summary>Filters and paging of <c>GET /v1/devices</c>; null means "server default".</summary>
internal sealed record DeviceQuery
{
    public string? Site { get; init; }

    public string? Tag { get; init; }

    public DeviceStatus? Status { get; init; }

    public string? Release { get; init; }

    public string? Search { get; init; }

    public int? Limit { get; init; }

    public int? Offset { get; init; }

    public string ToQueryString()
    {
        var parts = new List<string>();
        Add(parts, "site", Site);
        Add(parts, "tag", Tag);
        Add(parts, "status", Status?.ToString().ToLowerInvariant());
        Add(parts, "release", Release);
        Add(parts, "q", Search);
        Add(parts, "limit", Limit?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(parts, "offset", Offset?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private static void Add(List<string> parts, string name, string? value)
    {
        if (value is not null)
        {
            parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }
}
