namespace Outpost.Server.Storage;

internal interface IDeviceStore
{
    /// <summary>
    /// Consumes one use of the enrollment token (only if not used up, expired or revoked) and inserts the device,
    /// in one transaction: concurrent enrollments can never exceed the token's uses.
    /// </summary>
    Task<EnrollOutcome> EnrollAsync(DeviceRecord device, string enrollmentTokenId, DateTimeOffset now, CancellationToken cancellationToken);

    Task<DeviceRecord?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The columns device authentication reads on every request.</summary>
    Task<DeviceCredential?> GetCredentialAsync(string id, CancellationToken cancellationToken);

    Task<DevicePage> ListAsync(DeviceQuery query, CancellationToken cancellationToken);

    /// <summary>Marks the device revoked (keeps the first revocation time). False when the device does not exist.</summary>
    Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Makes <paramref name="newSerial"/> current and the old current serial the previous one. False when unknown or revoked.</summary>
    Task<bool> ReplaceCertificateAsync(string id, string newSerial, DateTimeOffset notAfter, CancellationToken cancellationToken);

    /// <summary>Sets (or clears with null) the desired release. False when the device does not exist.</summary>
    Task<bool> SetDesiredReleaseAsync(string id, string? release, CancellationToken cancellationToken);

    /// <summary>Sets (or clears) the desired release of many devices in one statement; returns how many rows changed.</summary>
    Task<int> SetDesiredReleasesAsync(IReadOnlyCollection<string> ids, string? release, CancellationToken cancellationToken);

    /// <summary>What rollouts read of many devices, in one query. Unknown ids are absent.</summary>
    Task<IReadOnlyDictionary<string, DeviceRolloutState>> GetRolloutStatesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>Every device not revoked, with what rollout targeting and canary selection read.</summary>
    Task<IReadOnlyList<DeviceRolloutState>> ListRolloutCandidatesAsync(CancellationToken cancellationToken);

    /// <summary>Writes a batch of check-ins in one transaction. Never touches enrollment or revocation columns.</summary>
    Task ApplyCheckInsAsync(IReadOnlyCollection<DeviceCheckIn> checkIns, CancellationToken cancellationToken);
}
