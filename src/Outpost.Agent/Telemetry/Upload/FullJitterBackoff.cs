namespace Outpost.Agent.Telemetry.Upload;

/// <summary>random(0, min(max, base · 2^failures)): agents whose server comes back do not all return at once.</summary>
internal sealed class FullJitterBackoff(TimeSpan baseDelay, TimeSpan maxDelay, Random random)
{
    public int Failures { get; private set; }

    public TimeSpan Max => maxDelay;

    public TimeSpan Next()
    {
        var ceiling = baseDelay * Math.Pow(2, Math.Min(Failures, 30));
        Failures++;
        return (ceiling < maxDelay ? ceiling : maxDelay) * random.NextDouble();
    }

    public void Reset() => Failures = 0;
}
