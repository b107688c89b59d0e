using Outpost.Agent.Workloads.Probes;
using Outpost.Agent.Workloads.Spec;

namespace Outpost.Agent.Workloads;

/// <summary>Everything needed to start one process of a release, resolved from its validated spec.</summary>
internal sealed record ProcessLaunch(
    string ReleaseId,
    ProcessSpec Spec,
    string Command,
    IReadOnlyList<string> Args,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment,
    IProbe? Probe)
{
    public string Name => Spec.Name!;
}
