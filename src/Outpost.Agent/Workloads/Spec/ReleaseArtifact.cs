namespace Outpost.Agent.Workloads.Spec;

/// <summary>An artifact of the release as release.json lists it: a file named <see cref="Name"/> in the release folder.</summary>
internal sealed record ReleaseArtifact(string Name, string Kind);
