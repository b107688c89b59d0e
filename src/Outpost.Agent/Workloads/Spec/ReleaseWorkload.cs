namespace Outpost.Agent.Workloads.Spec;

/// <summary>A release's validated workload spec together with what its processes are told about the release.</summary>
internal sealed record ReleaseWorkload(string Directory, WorkloadSpec Spec, IReadOnlyList<ReleaseArtifact> Artifacts)
{
    /// <summary>
    /// Reads and validates <c>release.json</c> in <paramref name="releaseDirectory"/>: its artifacts and its "workload"
    /// object. The update engine calls this for the health window length, the supervisor before starting anything.
    /// </summary>
    /// <exception cref="WorkloadSpecException">release.json is missing or the spec is invalid; the message names the field.</exception>
    public static ReleaseWorkload Load(string releaseDirectory)
    {
        var directory = Path.GetFullPath(releaseDirectory);
        byte[] json;
        try
        {
            json = File.ReadAllBytes(Path.Combine(directory, "release.json"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new WorkloadSpecException($"cannot read release.json in {directory}: {ex.Message}", ex);
        }

        var (spec, artifacts) = WorkloadSpecReader.Parse(json);
        WorkloadSpecValidator.Validate(spec, directory);
        return new ReleaseWorkload(directory, spec, artifacts);
    }
}
