using Outpost.Sim.Scenarios;

namespace Outpost.Sim;

/// <summary>Where the fleet's server is, how its devices enroll, and how they behave.</summary>
public sealed class SimFleetOptions
{
    /// <summary>Device API (mTLS listener) of the server, e.g. https://127.0.0.1:8443.</summary>
    public required Uri DeviceApi { get; init; }

    /// <summary>SHA-256 fingerprint of the fleet CA, as outpost-server prints it; the devices pin it.</summary>
    public required string CaFingerprint { get; init; }

    /// <summary>Folder of the devices' agent data folders (identities), reused by later runs.</summary>
    public required string StateDirectory { get; init; }

    /// <summary>The fleet and its behaviours.</summary>
    public required SimScenario Scenario { get; init; }

    /// <summary>One enrollment token for every device to enroll (then each device's site is the token's).</summary>
    public string? EnrollmentToken { get; init; }

    /// <summary>Creates an enrollment token for a site with room for that many devices (admin API); used without <see cref="EnrollmentToken"/>.</summary>
    public Func<SimSite, int, CancellationToken, Task<string>>? CreateEnrollmentToken { get; init; }

    /// <summary>The agent's jitter (default on); off makes every wait deterministic (thundering-herd comparison).</summary>
    public bool Jitter { get; init; } = true;

    /// <summary>The agents' check-in interval until the server answers with its own; also the start spread.</summary>
    public TimeSpan CheckInInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Agents start evenly spread over this (default: <see cref="CheckInInterval"/>), as a fleet that has been running.</summary>
    public TimeSpan? StartSpread { get; init; }

    /// <summary>
    /// Start of the measurement window, from the fleet's start: check-ins completed from then on (until
    /// <see cref="MeasureUntil"/>) are also summarized on their own, e.g. the steady state after a start spread.
    /// </summary>
    public TimeSpan? MeasureFrom { get; init; }

    /// <summary>End of the measurement window (default: the end of the run).</summary>
    public TimeSpan? MeasureUntil { get; init; }

    /// <summary>The agent's backoff base after a failed check-in.</summary>
    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The agent's per-request timeout.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Enrollments in flight at once.</summary>
    public int EnrollConcurrency { get; init; } = 8;

    /// <summary>Seed of the devices' jitter (device i uses seed + i), so runs are repeatable.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The clock of the agents' waits, the update steps and the offline windows.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
