using Outpost.Protocol.Devices;

namespace Outpost.Server.Alerts;

/// <summary>The columns of a device row the rules read, with its snapshot and update report parsed.</summary>
internal sealed record AlertDevice
{
    public required string Id { get; init; }

    public string? Hostname { get; init; }

    public required string Site { get; init; }

    public required DateTimeOffset EnrolledAt { get; init; }

    public DateTimeOffset? LastSeenAt { get; init; }

    public required DateTimeOffset CertificateNotAfter { get; init; }

    public SystemSnapshot? System { get; init; }

    public UpdateReport? Update { get; init; }

    public string? CurrentRelease { get; init; }

    /// <summary>For summaries: the hostname when the device has one, else its id.</summary>
    public string Name => Hostname ?? Id;
}
