namespace Outpost.Agent.Telemetry.Outbox;

/// <summary>One channel's share of the outbox: bytes of stored record JSON, and how long a record may wait.</summary>
internal sealed class ChannelQuota
{
    public long MaxBytes { get; set; }

    public TimeSpan TimeToLive { get; set; }
}
