using System.Data.Common;

namespace Outpost.Server.Storage;

internal sealed class AdoEnrollmentTokenStore(StoreDatabase database) : IEnrollmentTokenStore
{
    private const string Columns = "id, token_hash, site, tags_json, max_uses, uses, created_at, expires_at, revoked_at";

    public async Task AddAsync(EnrollmentTokenRecord token, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            $"INSERT INTO enrollment_tokens ({Columns}) VALUES (@id, @hash, @site, @tags, @max, @uses, @created, @expires, @revoked);")
            .With("@id", token.Id).With("@hash", token.TokenHash).With("@site", token.Site)
            .With("@tags", DbCommandExtensions.ToJson(token.Tags)).With("@max", (long)token.MaxUses).With("@uses", (long)token.Uses)
            .With("@created", token.CreatedAt).With("@expires", token.ExpiresAt).With("@revoked", token.RevokedAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<EnrollmentTokenRecord?> FindByHashAsync(string tokenHash, CancellationToken cancellationToken) =>
        SingleAsync("token_hash = @v", tokenHash, cancellationToken);

    public Task<EnrollmentTokenRecord?> GetAsync(string id, CancellationToken cancellationToken) =>
        SingleAsync("id = @v", id, cancellationToken);

    public async Task<IReadOnlyList<EnrollmentTokenRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql($"SELECT {Columns} FROM enrollment_tokens ORDER BY created_at, id;");
        return await command.ReadAllAsync(Read, cancellationToken);
    }

    public async Task<EnrollmentTokenRecord?> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using (var connection = await database.OpenAsync(cancellationToken))
        await using (var command = connection.Sql(
            "UPDATE enrollment_tokens SET revoked_at = COALESCE(revoked_at, @at) WHERE id = @id;").With("@at", at).With("@id", id))
        {
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return null;
            }
        }

        return await GetAsync(id, cancellationToken);
    }

    private async Task<EnrollmentTokenRecord?> SingleAsync(string condition, string value, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql($"SELECT {Columns} FROM enrollment_tokens WHERE {condition};").With("@v", value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static EnrollmentTokenRecord Read(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        TokenHash = r.GetString(1),
        Site = r.GetString(2),
        Tags = DbCommandExtensions.FromJson(r.GetString(3)),
        MaxUses = checked((int)r.GetInt64(4)),
        Uses = checked((int)r.GetInt64(5)),
        CreatedAt = r.GetTime(6),
        ExpiresAt = r.GetTime(7),
        RevokedAt = r.GetNullableTime(8),
    };
}
