using Outpost.Agent.Updates.Downloads;

namespace Outpost.Agent.Updates.Tuf;

/// <summary>Where the TUF client keeps trusted metadata and targets, where it downloads them from, and its byte caps.</summary>
internal sealed class TufClientOptions
{
    public const long DefaultMaxRootBytes = 512 * 1024;
    public const long DefaultMaxTimestampBytes = 512 * 1024;
    public const long DefaultMaxSnapshotBytes = 16 * 1024 * 1024;
    public const long DefaultMaxTargetsBytes = 16 * 1024 * 1024;
    public const int DefaultMaxRootRotations = 32;

    /// <summary>Trusted metadata: root.json, timestamp.json, snapshot.json, targets.json, delegated role files.</summary>
    public required string MetadataDirectory { get; init; }

    /// <summary>Base URL of the repository's metadata (e.g. https://server:8443/v1/tuf/metadata/).</summary>
    public required Uri MetadataUrl { get; init; }

    /// <summary>Base URL of the target files; only needed to download.</summary>
    public Uri? TargetBaseUrl { get; init; }

    /// <summary>Where verified targets are stored (and found again, so they are not downloaded twice).</summary>
    public string? TargetDirectory { get; init; }

    /// <summary>Cap for root files, whose length no other metadata states (TUF 5.3.3).</summary>
    public long MaxRootBytes { get; init; } = DefaultMaxRootBytes;

    /// <summary>Cap for timestamp.json, whose length no other metadata states (TUF 5.4.1).</summary>
    public long MaxTimestampBytes { get; init; } = DefaultMaxTimestampBytes;

    /// <summary>Cap for snapshot.json when timestamp does not list its length.</summary>
    public long MaxSnapshotBytes { get; init; } = DefaultMaxSnapshotBytes;

    /// <summary>Cap for targets metadata when snapshot does not list its length.</summary>
    public long MaxTargetsBytes { get; init; } = DefaultMaxTargetsBytes;

    /// <summary>At most this many root versions are fetched in one update (TUF 5.3.3, "Y"), against endless root chains.</summary>
    public int MaxRootRotations { get; init; } = DefaultMaxRootRotations;

    /// <summary>
    /// Partial target downloads, named by content (<c>SHA256.part</c>), kept across attempts and restarts so a cut
    /// download resumes with HTTP Range. Null: a partial lives only as long as one download call.
    /// </summary>
    public string? PartialDirectory { get; init; }

    /// <summary>Attempts, backoff and bandwidth cap of target downloads.</summary>
    public DownloadOptions Download { get; init; } = new();

    /// <summary>Counts bytes fetched from the network per target; share one to count across updaters.</summary>
    public DownloadMeter Meter { get; init; } = new();
}
