using Outpost.Protocol.Devices;

namespace Outpost.Server.Tests.Rollouts;

/// <summary>How a simulated device behaves: whether it checks in, and whether a release crashes on it.</summary>
internal sealed class SimulatedDevice(string id, string site)
{
    public string Id { get; } = id;

    public string Site { get; } = site;

    public bool Online { get; set; } = true;

    /// <summary>Installing this release fails its health window: the agent goes back to N-1 and reports RolledBack with this cause.</summary>
    public (string Release, UpdateFailureCause Cause)? FailsOn { get; set; }

    public string? Current { get; set; }

    public string? Previous { get; set; }

    public UpdateReport? Report { get; set; }
}
