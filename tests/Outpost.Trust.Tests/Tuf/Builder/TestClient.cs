using Outpost.Trust.Tuf.Client;

namespace Outpost.Trust.Tests.Tuf.Builder;

internal static class TestClient
{
    /// <summary>A fresh client trusting <paramref name="trustedRoot"/>, at the repository's "now" unless told otherwise.</summary>
    public static TrustedMetadataSet Start(byte[] trustedRoot, DateTimeOffset? at = null) =>
        new(trustedRoot, at ?? TestRepository.Now);

    /// <summary>TUF 5.4–5.6 against the repository's current files.</summary>
    public static TrustedMetadataSet Refresh(this TrustedMetadataSet set, TestRepository repo)
    {
        set.UpdateTimestamp(repo.Timestamp);
        set.UpdateSnapshot(repo.Snapshot);
        set.UpdateTargets(repo.Targets);
        return set;
    }
}
