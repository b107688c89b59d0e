using Outpost.Protocol.Telemetry;

namespace Outpost.Server.Storage;

/// <summary>How a channel is spelled in the <c>channel</c> columns.</summary>
internal static class TelemetryChannels
{
    public static string ToColumn(TelemetryChannel channel) => channel switch
    {
        TelemetryChannel.Events => "events",
        TelemetryChannel.Metrics => "metrics",
        TelemetryChannel.Logs => "logs",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown telemetry channel."),
    };

    public static TelemetryChannel FromColumn(string value) => value switch
    {
        "events" => TelemetryChannel.Events,
        "metrics" => TelemetryChannel.Metrics,
        "logs" => TelemetryChannel.Logs,
        _ => throw new InvalidOperationException($"Unknown telemetry channel '{value}' in the database."),
    };
}
