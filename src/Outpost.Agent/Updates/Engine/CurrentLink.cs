namespace Outpost.Agent.Updates.Engine;

/// <summary>
/// The <c>current</c> symbolic link. It is replaced, never edited: a new link is made beside it and renamed over it
/// (rename(2) is atomic), then the folder is fsynced, so after a power cut it points at the old or the new release.
/// </summary>
internal sealed class CurrentLink(AgentPaths paths, FaultPoints faults)
{
    /// <summary>Whether anything is at <c>current</c>, and the release it points at (null: missing, or elsewhere).</summary>
    public (bool Exists, string? Release) Read()
    {
        var info = new FileInfo(paths.Current);
        if (info.LinkTarget is { } target)
        {
            var resolved = Path.GetFullPath(target, paths.DataDirectory);
            var release = Path.GetFileName(resolved);
            var inReleases = string.Equals(Path.GetDirectoryName(resolved), Path.GetFullPath(paths.Releases), StringComparison.Ordinal);
            return (true, inReleases && !release.StartsWith('.') ? release : null);
        }

        return (info.Exists || Directory.Exists(paths.Current), null);
    }

    public void PointAt(string releaseId)
    {
        Directory.CreateDirectory(paths.DataDirectory);
        var temp = Path.Combine(paths.DataDirectory, $".current.{Guid.NewGuid():N}.tmp");
        // Relative target: the data folder can be moved or mounted elsewhere and the link still holds.
        File.CreateSymbolicLink(temp, Path.Combine(Path.GetFileName(paths.Releases), releaseId));
        MoveAsideIfFolder();
        faults.Hit("link.created");
        Posix.Rename(temp, paths.Current);
        faults.Hit("link.renamed");
        Posix.SyncDirectory(paths.DataDirectory);
    }

    public void Remove()
    {
        MoveAsideIfFolder();
        File.Delete(paths.Current);
        Posix.SyncDirectory(paths.DataDirectory);
    }

    /// <summary>A real folder named <c>current</c> (never made by the agent) cannot be renamed over; it is set aside.</summary>
    private void MoveAsideIfFolder()
    {
        if (Directory.Exists(paths.Current) && new DirectoryInfo(paths.Current).LinkTarget is null)
        {
            Directory.Move(paths.Current, Path.Combine(paths.DataDirectory, $".current.{Guid.NewGuid():N}.trash"));
        }
    }
}
