namespace Outpost.Agent.Updates.Engine;

/// <summary>
/// <c>staging/</c> and <c>releases/</c>: facts for the planner, the install rename, and deletion. A folder is deleted
/// by renaming it to a hidden name first, so a half-deleted folder never looks like a release after a crash.
/// </summary>
internal sealed class ReleaseFolders(AgentPaths paths, FaultPoints faults)
{
    public string Staged(string releaseId) => Path.Combine(paths.Staging, releaseId);

    public string Installed(string releaseId) => paths.Release(releaseId);

    public DiskFacts ReadFacts(UpdateJournal journal, CurrentLink link, string? workloadRelease)
    {
        var (exists, current) = link.Read();
        var installed = Names(paths.Releases);
        var target = journal.Operation?.Target;
        var carriesAgent = false;
        if (target is not null && installed.Contains(target))
        {
            try
            {
                carriesAgent = ReleaseContent.Read(Installed(target)).AgentBinary is not null;
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                // Install checks the folder again and reports what is wrong with it.
            }
        }

        return new DiskFacts
        {
            Installed = installed,
            Staged = Names(paths.Staging),
            CurrentExists = exists,
            CurrentRelease = current,
            HasLeftovers = Leftovers().Any(),
            TargetCarriesAgent = carriesAgent,
            WorkloadRelease = workloadRelease,
        };
    }

    /// <summary>Moves <c>staging/X</c> to <c>releases/X</c> in one rename(2) and makes it durable.</summary>
    public void Install(string releaseId)
    {
        Directory.CreateDirectory(paths.Releases);
        faults.Hit("install.before-rename");
        Posix.Rename(Staged(releaseId), Installed(releaseId));
        faults.Hit("install.renamed");
        Posix.SyncDirectory(paths.Releases);
        Posix.SyncDirectory(paths.Staging);
    }

    public void Delete(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        var parent = Path.GetDirectoryName(folder)!;
        var trash = Path.Combine(parent, $".{Path.GetFileName(folder)}.{Guid.NewGuid():N}.trash");
        faults.Hit("delete.before-rename");
        Posix.Rename(folder, trash);
        Posix.SyncDirectory(parent);
        faults.Hit("delete.renamed");
        Directory.Delete(trash, recursive: true);
    }

    /// <summary>Deletes every release and staged folder not in <paramref name="kept"/>, and the leftovers. Returns what went.</summary>
    public IReadOnlyList<string> CollectGarbage(IReadOnlySet<string> kept, string? desired)
    {
        var removed = new List<string>();
        foreach (var release in Names(paths.Releases).Where(r => !kept.Contains(r)))
        {
            Delete(Installed(release));
            removed.Add("releases/" + release);
        }

        foreach (var release in Names(paths.Staging).Where(r => !kept.Contains(r) && r != desired))
        {
            Delete(Staged(release));
            removed.Add("staging/" + release);
        }

        foreach (var leftover in Leftovers().ToList())
        {
            if (Directory.Exists(leftover) && new DirectoryInfo(leftover).LinkTarget is null)
            {
                Directory.Delete(leftover, recursive: true);
            }
            else
            {
                File.Delete(leftover);
            }

            removed.Add(Path.GetRelativePath(paths.DataDirectory, leftover));
        }

        return removed;
    }

    private static HashSet<string> Names(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateDirectories(folder).Select(Path.GetFileName).Where(n => n is not null && !n.StartsWith('.')).ToHashSet(StringComparer.Ordinal)!
            : new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Hidden entries the engine made and a crash left: trash folders, temporary links and journals.</summary>
    private IEnumerable<string> Leftovers()
    {
        var places = new[] { paths.Releases, paths.DataDirectory, paths.Update };
        foreach (var place in places.Where(Directory.Exists))
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(place, ".*"))
            {
                var name = Path.GetFileName(entry);
                if (name.EndsWith(".trash", StringComparison.Ordinal)
                    || (name.EndsWith(".tmp", StringComparison.Ordinal) && (name.StartsWith(".current.", StringComparison.Ordinal) || name.StartsWith(".journal.", StringComparison.Ordinal))))
                {
                    yield return entry;
                }
            }
        }

        if (Directory.Exists(paths.Staging))
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(paths.Staging, ".*.trash"))
            {
                yield return entry;
            }
        }
    }
}
