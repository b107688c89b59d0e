using Outpost.Protocol.Devices;

namespace Outpost.Agent.Updates.Engine;

/// <summary>What a check-in reports about updates: the latest report on the desired release, and the kept releases.</summary>
internal sealed record UpdateStatus(UpdateReport? Update, string? CurrentRelease, string? PreviousRelease)
{
    public static UpdateStatus None { get; } = new(null, null, null);
}
