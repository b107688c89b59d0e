namespace Outpost.Agent.LocalApi;

/// <summary>How many log records of one level reach the outbox: keep one in <see cref="KeepOneIn"/>, then a token bucket.</summary>
internal sealed class LogLevelLimit
{
    public double PerSecond { get; set; } = 10;

    public double Burst { get; set; } = 100;

    /// <summary>Sampling before the rate limit: 1 keeps every record, 10 keeps every tenth.</summary>
    public int KeepOneIn { get; set; } = 1;
}
