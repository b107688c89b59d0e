namespace Outpost.Protocol.Rollouts;

/// <summary>Which devices the rollout covers: all filters given must match (devices, if listed, are matched by id).</summary>
public sealed record RolloutTarget
{
    /// <summary>A device must carry every one of these tags.</summary>
    public IReadOnlyList<string> Tags { get; set; } = [];

    /// <summary>A device must be in one of these sites.</summary>
    public IReadOnlyList<string> Sites { get; set; } = [];

    public string? DeviceClass { get; set; }

    /// <summary>Explicit device ids; with no other filter, exactly these devices.</summary>
    public IReadOnlyList<string> Devices { get; set; } = [];
}
