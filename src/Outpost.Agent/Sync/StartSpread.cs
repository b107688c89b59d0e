namespace Outpost.Agent.Sync;

/// <summary>
/// What the first check-in's spread depends on: how long the system had been up when the agent started (null when
/// /proc/uptime is unreadable: no spread) and the boot window (<see cref="Configuration.AgentOptions.BootWindow"/>).
/// </summary>
internal readonly record struct StartSpread(TimeSpan? SystemUptime, TimeSpan BootWindow);
