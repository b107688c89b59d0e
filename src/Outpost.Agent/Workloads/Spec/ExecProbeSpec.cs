namespace Outpost.Agent.Workloads.Spec;

/// <summary>Passes when the command exits 0 within the timeout; it runs like the process (folder, environment).</summary>
internal sealed record ExecProbeSpec
{
    public string? Command { get; set; }

    public IReadOnlyList<string?> Args { get; set; } = [];
}
