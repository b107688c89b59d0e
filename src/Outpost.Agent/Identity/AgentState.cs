namespace Outpost.Agent.Identity;

/// <summary>agent.json: what enrollment learned and <c>run</c> needs besides the key and certificates.</summary>
internal sealed record AgentState
{
    public required string ServerUrl { get; init; }

    public required string DeviceId { get; init; }

    public required string DeviceClass { get; init; }

    public DateTimeOffset EnrolledAt { get; init; }
}
