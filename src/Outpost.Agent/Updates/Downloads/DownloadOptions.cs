namespace Outpost.Agent.Updates.Downloads;

/// <summary>
/// Settings of release downloads, section <c>Downloads</c> (flags and OUTPOST_AGENT_* variables in
/// <see cref="Configuration.AgentSettings"/>).
/// </summary>
internal sealed class DownloadOptions
{
    public const string Section = "Downloads";

    /// <summary>Bandwidth cap over all target downloads; 0 = no cap.</summary>
    public long MaxBytesPerSecond { get; set; }

    /// <summary>Attempts per target within one download before it is reported failed (it resumes on the next try).</summary>
    public int Attempts { get; set; } = 5;

    /// <summary>First backoff step after a failed attempt; doubles per failure up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Free disk that must remain after a release is downloaded; a release that would leave less is refused before its
    /// first byte (NotEnoughDisk), so the device never fills its disk with an update.
    /// </summary>
    public long DiskReserveBytes { get; set; } = Releases.ReleaseStager.DefaultDiskReserveBytes;
}
