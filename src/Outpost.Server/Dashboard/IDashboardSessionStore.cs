namespace Outpost.Server.Dashboard;

internal interface IDashboardSessionStore
{
    Task AddAsync(string idHash, string tokenId, string csrf, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>The session and its token, or null when unknown. Expiry and revocation are the caller's to judge.</summary>
    Task<DashboardSession?> FindAsync(string idHash, CancellationToken cancellationToken);

    Task DeleteAsync(string idHash, CancellationToken cancellationToken);

    /// <summary>Removes sessions that expired before <paramref name="now"/>; returns how many.</summary>
    Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
