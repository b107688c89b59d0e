namespace Outpost.Agent.Updates.SelfUpdate;

/// <summary>The watchdog went back from the agent binary of <see cref="Release"/> to the previous one, and why.</summary>
internal sealed record AgentRevert(string Release, string Reason);
