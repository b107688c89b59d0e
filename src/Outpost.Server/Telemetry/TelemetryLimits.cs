namespace Outpost.Server.Telemetry;

/// <summary>The ingest limits of the wave-2 telemetry contract, shared with the agent (docs/telemetry.md).</summary>
internal static class TelemetryLimits
{
    public const long MaxBatchBytes = 4 * 1024 * 1024;
    public const int MaxRecords = 5_000;
    public const int MaxNameLength = 128;
    public const int MaxLevelLength = 128;
    public const int MaxMessageLength = 8 * 1024;
    public const int MaxAttributes = 16;
    public const int MaxAttributeValueLength = 256;
}
