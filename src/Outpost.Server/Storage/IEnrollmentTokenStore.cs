namespace Outpost.Server.Storage;

/// <summary>Enrollment tokens. Consumption happens in <see cref="IDeviceStore.EnrollAsync"/>, atomically with the device insert.</summary>
internal interface IEnrollmentTokenStore
{
    Task AddAsync(EnrollmentTokenRecord token, CancellationToken cancellationToken);

    Task<EnrollmentTokenRecord?> FindByHashAsync(string tokenHash, CancellationToken cancellationToken);

    Task<EnrollmentTokenRecord?> GetAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<EnrollmentTokenRecord>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Revokes (keeping the first revocation time) and returns the token, or null when unknown.</summary>
    Task<EnrollmentTokenRecord?> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);
}
