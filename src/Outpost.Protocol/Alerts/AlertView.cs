namespace Outpost.Protocol.Alerts;

/// <summary>
/// One alert episode: a rule's condition for one subject (a device, a device's mount, a rollout) from the moment it
/// started firing until it resolved. A new episode after a resolve is a new alert with a new id.
/// </summary>
public sealed record AlertView
{
    public required string Id { get; init; }

    /// <summary>Rule name, e.g. <c>device-offline</c>; also the runbook's file name.</summary>
    public required string Rule { get; init; }

    /// <summary>Stable identity of (rule, subject): the same for every episode of the same condition.</summary>
    public required string Fingerprint { get; init; }

    public required AlertState State { get; init; }

    /// <summary><c>critical</c> or <c>warning</c>.</summary>
    public required string Severity { get; init; }

    /// <summary>The device the alert is about, when it is about one.</summary>
    public string? DeviceId { get; init; }

    /// <summary>The labels sent to Alertmanager (alertname, rule, severity, device, site and rule-specific ones).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; set; } = new Dictionary<string, string>();

    public required string Summary { get; init; }

    public string? Description { get; init; }

    public required string RunbookUrl { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>Last evaluation that saw the condition (firing) or resolved it.</summary>
    public required DateTimeOffset LastEvaluatedAt { get; init; }
}
