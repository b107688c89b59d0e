namespace Outpost.Agent.Telemetry;

/// <summary>The fields of /proc/meminfo the metrics use, in bytes.</summary>
internal readonly record struct MemoryCounters(long Total, long Available, long SwapTotal, long SwapFree);
