using Outpost.Protocol.Devices;

namespace Outpost.Protocol.Admin;

/// <summary>A device as the admin API shows it. <see cref="System"/> is set on the single-device view only.</summary>
public sealed record DeviceView
{
    public required string Id { get; init; }

    public string? Hostname { get; init; }

    public required string Site { get; init; }

    public IReadOnlyList<string> Tags { get; set; } = [];

    public required DeviceStatus Status { get; init; }

    public string? DeviceClass { get; init; }

    public string? AgentVersion { get; init; }

    public required DateTimeOffset EnrolledAt { get; init; }

    public DateTimeOffset? LastSeenAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public required DateTimeOffset CertificateNotAfter { get; init; }

    public string? CertificateSerial { get; init; }

    public SystemSnapshot? System { get; init; }

    /// <summary>The release the operator wants on this device (<c>NAME@VERSION</c>), or null.</summary>
    public string? DesiredRelease { get; init; }

    /// <summary>The device's latest report on its desired release.</summary>
    public UpdateReport? Update { get; init; }

    /// <summary>The committed release the device last reported running.</summary>
    public string? CurrentRelease { get; init; }

    /// <summary>The release the device keeps as its rollback target (N-1).</summary>
    public string? PreviousRelease { get; init; }
}
