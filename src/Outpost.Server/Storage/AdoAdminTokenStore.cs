using System.Data.Common;
using Outpost.Protocol.Admin;

namespace Outpost.Server.Storage;

internal sealed class AdoAdminTokenStore(StoreDatabase database) : IAdminTokenStore
{
    private const string Columns = "id, token_hash, name, role, created_at, revoked_at";

    public async Task AddAsync(AdminTokenRecord token, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            $"INSERT INTO admin_tokens ({Columns}) VALUES (@id, @hash, @name, @role, @created, @revoked);")
            .With("@id", token.Id).With("@hash", token.TokenHash).With("@name", token.Name)
            .With("@role", token.Role.ToString().ToLowerInvariant()).With("@created", token.CreatedAt).With("@revoked", token.RevokedAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<AdminTokenRecord?> FindByHashAsync(string tokenHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql($"SELECT {Columns} FROM admin_tokens WHERE token_hash = @h;").With("@h", tokenHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<AdminTokenRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql($"SELECT {Columns} FROM admin_tokens ORDER BY created_at, id;");
        return await command.ReadAllAsync(Read, cancellationToken);
    }

    public async Task<AdminTokenRecord?> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var command = connection.Sql(
            "UPDATE admin_tokens SET revoked_at = COALESCE(revoked_at, @at) WHERE id = @id;").With("@at", at).With("@id", id))
        {
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return null;
            }
        }

        await using var select = connection.Sql($"SELECT {Columns} FROM admin_tokens WHERE id = @id;").With("@id", id);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("SELECT COUNT(*) FROM admin_tokens;");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static AdminTokenRecord Read(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        TokenHash = r.GetString(1),
        Name = r.GetString(2),
        Role = Enum.Parse<AdminRole>(r.GetString(3), ignoreCase: true),
        CreatedAt = r.GetTime(4),
        RevokedAt = r.GetNullableTime(5),
    };
}
