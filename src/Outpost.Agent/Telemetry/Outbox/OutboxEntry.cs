using Outpost.Protocol.Telemetry;

namespace Outpost.Agent.Telemetry.Outbox;

/// <summary>A record waiting for its sequence number: the outbox assigns it inside the transaction that stores it.</summary>
internal sealed record OutboxEntry(
    DateTimeOffset At,
    string Name,
    string? Level = null,
    string? Message = null,
    MetricAggregate? Value = null,
    IReadOnlyDictionary<string, string>? Attributes = null);
