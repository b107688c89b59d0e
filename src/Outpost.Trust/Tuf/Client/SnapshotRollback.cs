using Outpost.Trust.Tuf.Metadata;

namespace Outpost.Trust.Tuf.Client;

/// <summary>TUF 5.5.5: no targets file may disappear from snapshot or go back to an older version.</summary>
internal static class SnapshotRollback
{
    public static void Check(SnapshotMetadata trusted, SnapshotMetadata candidate)
    {
        foreach (var (file, old) in trusted.Meta)
        {
            if (!candidate.Meta.TryGetValue(file, out var now))
            {
                throw new TufException(TufRoles.Snapshot, TufFailure.Rollback, $"{file} was removed from snapshot");
            }

            if (now.Version < old.Version)
            {
                throw new TufException(TufRoles.Snapshot, TufFailure.Rollback,
                    $"{file} version {now.Version} is lower than trusted version {old.Version}");
            }
        }
    }
}
