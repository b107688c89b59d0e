using Outpost.Protocol.Alerts;

namespace Outpost.Server.Alerts;

/// <summary>Filter of the alert list; a null state means both.</summary>
internal sealed record AlertQuery
{
    public AlertState? State { get; init; } = AlertState.Firing;

    public string? DeviceId { get; init; }

    /// <summary>Only alerts of this rule (e.g. <c>device-offline</c>).</summary>
    public string? Rule { get; init; }

    /// <summary>Only resolved alerts resolved at or after this (firing ones always match).</summary>
    public DateTimeOffset? ResolvedSince { get; init; }

    public int Limit { get; init; } = 500;
}
