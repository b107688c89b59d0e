using Outpost.Protocol.Devices;

namespace Outpost.Agent.Updates.Engine;

/// <summary>How a health window ended: passed, or failed with a cause and the supervisor's detail.</summary>
internal sealed record HealthVerdict(bool Passed, UpdateFailureCause? Cause, string? Detail)
{
    public static HealthVerdict Pass { get; } = new(true, null, null);

    public static HealthVerdict Fail(UpdateFailureCause cause, string detail) => new(false, cause, detail);
}
