namespace Outpost.Agent.Workloads;

/// <summary>
/// One supervised process right now (diagnostics and tests). NextStartAt is set while backing off; Problem says why a
/// process that has not failed is not healthy yet ("is restarting", "probe has not passed").
/// </summary>
internal sealed record ProcessStatus(
    string Name, ProcessState State, int? Pid, int Restarts, bool ProbePassing, bool Healthy, DateTimeOffset? NextStartAt, string? Problem);
