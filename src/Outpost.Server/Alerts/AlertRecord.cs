using Outpost.Protocol.Alerts;

namespace Outpost.Server.Alerts;

/// <summary>An alert row: one episode of one fingerprint.</summary>
internal sealed record AlertRecord
{
    public required string Id { get; init; }

    public required string Fingerprint { get; init; }

    public required string Rule { get; init; }

    public string? DeviceId { get; init; }

    public required string Severity { get; init; }

    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    public required AlertState State { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public required DateTimeOffset LastEvaluatedAt { get; init; }

    public required string Summary { get; init; }

    public string? Description { get; init; }

    public required string RunbookUrl { get; init; }

    public AlertView ToView() => new()
    {
        Id = Id,
        Rule = Rule,
        Fingerprint = Fingerprint,
        State = State,
        Severity = Severity,
        DeviceId = DeviceId,
        Labels = Labels,
        Summary = Summary,
        Description = Description,
        RunbookUrl = RunbookUrl,
        StartedAt = StartedAt,
        ResolvedAt = ResolvedAt,
        LastEvaluatedAt = LastEvaluatedAt,
    };
}
