namespace Outpost.Agent.Telemetry.Outbox;

/// <summary>
/// Limits of the telemetry outbox, section <c>Telemetry:Outbox</c> (docs/telemetry-agent.md). Each channel has its
/// own byte quota and time to live; <see cref="MaxBytes"/> caps all channels together, and when it is reached the
/// oldest records of the lowest-priority channel go first (logs, then metrics, events last).
/// </summary>
internal sealed class OutboxOptions
{
    public const string Section = "Telemetry:Outbox";

    /// <summary>All channels together; less than the sum of the channel quotas so that pressure lands on logs first.</summary>
    public long MaxBytes { get; set; } = 48L << 20;

    public ChannelQuota Events { get; set; } = new() { MaxBytes = 16L << 20, TimeToLive = TimeSpan.FromDays(30) };

    public ChannelQuota Metrics { get; set; } = new() { MaxBytes = 16L << 20, TimeToLive = TimeSpan.FromDays(7) };

    public ChannelQuota Logs { get; set; } = new() { MaxBytes = 32L << 20, TimeToLive = TimeSpan.FromDays(3) };

    public ChannelQuota For(Outpost.Protocol.Telemetry.TelemetryChannel channel) => channel switch
    {
        Outpost.Protocol.Telemetry.TelemetryChannel.Events => Events,
        Outpost.Protocol.Telemetry.TelemetryChannel.Metrics => Metrics,
        _ => Logs,
    };
}
