namespace Outpost.Agent.Workloads.Spec;

/// <summary>Stdout/stderr capture: at most <see cref="Files"/> files of <see cref="MaxBytes"/> each.</summary>
internal sealed record LogsSpec
{
    public long MaxBytes { get; set; } = 1024 * 1024;

    public int Files { get; set; } = 3;
}
