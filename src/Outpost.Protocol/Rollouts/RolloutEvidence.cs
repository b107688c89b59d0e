namespace Outpost.Protocol.Rollouts;

/// <summary>What a decision was based on: the gate, its values and threshold, and the devices concerned.</summary>
public sealed record RolloutEvidence
{
    public string? Gate { get; init; }

    public string? Metric { get; init; }

    public double? Value { get; init; }

    public double? Control { get; init; }

    public string? Threshold { get; init; }

    public int? Sample { get; init; }

    public int? Phase { get; init; }

    public IReadOnlyList<string> DeviceIds { get; set; } = [];

    /// <summary>Per failed device, the cause it reported (e.g. CrashLoop).</summary>
    public IReadOnlyDictionary<string, string>? Causes { get; init; }
}
