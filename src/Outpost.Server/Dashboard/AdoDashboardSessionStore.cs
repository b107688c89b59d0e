using Outpost.Protocol.Admin;
using Outpost.Server.Storage;

namespace Outpost.Server.Dashboard;

internal sealed class AdoDashboardSessionStore(StoreDatabase database) : IDashboardSessionStore
{
    public async Task AddAsync(
        string idHash, string tokenId, string csrf, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            "INSERT INTO dashboard_sessions (id_hash, token_id, csrf, created_at, expires_at) VALUES (@h, @t, @c, @created, @expires);")
            .With("@h", idHash).With("@t", tokenId).With("@c", csrf).With("@created", createdAt).With("@expires", expiresAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<DashboardSession?> FindAsync(string idHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            """
            SELECT s.id_hash, s.csrf, s.expires_at, t.id, t.token_hash, t.name, t.role, t.created_at, t.revoked_at
            FROM dashboard_sessions s JOIN admin_tokens t ON t.id = s.token_id
            WHERE s.id_hash = @h;
            """).With("@h", idHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var token = new AdminTokenRecord
        {
            Id = reader.GetString(3),
            TokenHash = reader.GetString(4),
            Name = reader.GetString(5),
            Role = Enum.Parse<AdminRole>(reader.GetString(6), ignoreCase: true),
            CreatedAt = reader.GetTime(7),
            RevokedAt = reader.GetNullableTime(8),
        };
        return new DashboardSession(reader.GetString(0), token, reader.GetString(1), reader.GetTime(2));
    }

    public async Task DeleteAsync(string idHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("DELETE FROM dashboard_sessions WHERE id_hash = @h;").With("@h", idHash);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("DELETE FROM dashboard_sessions WHERE expires_at < @now;").With("@now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
