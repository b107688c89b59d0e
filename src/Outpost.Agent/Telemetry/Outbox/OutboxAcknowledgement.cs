namespace Outpost.Agent.Telemetry.Outbox;

/// <summary>What an acknowledgement did: rows deleted, or (after an outbox reset) rows renumbered past the server's maximum.</summary>
internal readonly record struct OutboxAcknowledgement(long Deleted, long Renumbered);
