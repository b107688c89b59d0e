namespace Outpost.Agent.Workloads;

/// <summary>One supervised process right now (diagnostics and tests). NextStartAt is set while backing off.</summary>
internal sealed record ProcessStatus(
    string Name, ProcessState State, int? Pid, int Restarts, bool ProbePassing, bool Healthy, DateTimeOffset? NextStartAt);
