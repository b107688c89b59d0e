namespace Outpost.Agent.Workloads.Spec;

/// <summary>More than <see cref="MaxRestarts"/> restarts within <see cref="WindowSeconds"/> = crash loop (failed for good).</summary>
internal sealed record CrashLoopSpec
{
    public int MaxRestarts { get; set; } = 3;

    public double WindowSeconds { get; set; } = 60;

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);
}
