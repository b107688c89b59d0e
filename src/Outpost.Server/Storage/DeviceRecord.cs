namespace Outpost.Server.Storage;

/// <summary>A device row. <see cref="SystemJson"/> is the last reported snapshot, stored as JSON text.</summary>
internal sealed record DeviceRecord
{
    public required string Id { get; init; }

    public string? Hostname { get; init; }

    public required string Site { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public required DateTimeOffset EnrolledAt { get; init; }

    public string? EnrollmentTokenId { get; init; }

    public required string CertificateSerial { get; init; }

    /// <summary>The serial before the last renewal; still accepted so a device that lost the renewal answer keeps working.</summary>
    public string? PreviousCertificateSerial { get; init; }

    public required DateTimeOffset CertificateNotAfter { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public DateTimeOffset? LastSeenAt { get; init; }

    public string? AgentVersion { get; init; }

    public string? DeviceClass { get; init; }

    public string? SystemJson { get; init; }

    public string? DesiredRelease { get; init; }

    /// <summary>The agent's latest UpdateReport as JSON text.</summary>
    public string? UpdateJson { get; init; }

    /// <summary>The committed release the device last reported running.</summary>
    public string? CurrentRelease { get; init; }

    /// <summary>The rollback target (N-1) the device last reported keeping.</summary>
    public string? PreviousRelease { get; init; }
}
