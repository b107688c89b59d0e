using System.ComponentModel.DataAnnotations;

namespace Outpost.Server.Repository;

/// <summary>Configuration section <c>Outpost:Tuf</c>: limits and online-role lifetimes of the TUF repository.</summary>
internal sealed class TufOptions
{
    public const string Section = "Outpost:Tuf";

    /// <summary>Largest artifact accepted by PUT /v1/tuf/blobs/{sha256}; larger bodies get 413.</summary>
    [Range(1, long.MaxValue, ErrorMessage = "Set Outpost:Tuf:MaxArtifactBytes to a positive number of bytes.")]
    public long MaxArtifactBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Largest root or targets metadata accepted by the POST routes.</summary>
    [Range(1024, 1024L * 1024 * 1024, ErrorMessage = "Set Outpost:Tuf:MaxMetadataBytes between 1024 and 1073741824.")]
    public long MaxMetadataBytes { get; set; } = 16 * 1024 * 1024;

    public TimeSpan SnapshotLifetime { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan TimestampLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often the background service checks whether snapshot or timestamp needs re-signing.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(1);
}
