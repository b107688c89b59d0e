namespace Outpost.Server.Storage;

/// <summary>
/// What authenticating a device request needs, and nothing more: read on every device request (revocation is never
/// cached), so it is kept to four narrow columns instead of the whole row with its snapshot.
/// </summary>
internal sealed record DeviceCredential(string Id, string CertificateSerial, string? PreviousCertificateSerial, DateTimeOffset? RevokedAt);
