namespace Outpost.Server.Storage;

internal interface IAdminTokenStore
{
    Task AddAsync(AdminTokenRecord token, CancellationToken cancellationToken);

    Task<AdminTokenRecord?> FindByHashAsync(string tokenHash, CancellationToken cancellationToken);

    Task<IReadOnlyList<AdminTokenRecord>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Revokes (keeping the first revocation time) and returns the token, or null when unknown.</summary>
    Task<AdminTokenRecord?> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>True once any admin token was ever created (revoked ones count): the data folder is initialized.</summary>
    Task<bool> AnyAsync(CancellationToken cancellationToken);
}
