namespace Outpost.Server.Storage;

/// <summary>
/// What authenticating a device request needs, and nothing more: read on every device request (revocation is never
/// cached), so it is kept to a few narrow columns instead of the whole row with its snapshot. The desired release rides
/// along so a check-in answer costs no second query.
/// </summary>
internal sealed record DeviceCredential(string Id, string CertificateSerial, string? PreviousCertificateSerial, DateTimeOffset? RevokedAt, string? DesiredRelease = null);
