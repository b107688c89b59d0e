namespace Outpost.Sim.Devices;

/// <summary>
/// For <c>--no-jitter</c>: every draw of the agent's <c>CheckInSchedule</c> is (almost) 1, so its waits become
/// deterministic — interval × 0.8 after a success, the full backoff ceiling after a failure — and devices that start
/// together stay together. The comparison run for the thundering-herd benchmark.
/// </summary>
internal sealed class NoJitterRandom : Random
{
    public override double NextDouble() => 1 - 1e-9;
}
