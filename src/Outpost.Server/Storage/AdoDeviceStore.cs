using System.Data.Common;
using System.Globalization;
using System.Text;
using Outpost.Protocol.Admin;

namespace Outpost.Server.Storage;

/// <summary>Devices over ADO.NET; one implementation for SQLite and PostgreSQL.</summary>
internal sealed class AdoDeviceStore(StoreDatabase database) : IDeviceStore
{
    private const string Columns =
        "id, hostname, site, tags_json, enrolled_at, enrollment_token_id, certificate_serial, previous_certificate_serial, " +
        "certificate_not_after, revoked_at, last_seen_at, agent_version, device_class, system_json, desired_release, update_json, current_release, previous_release";

    private const string RolloutColumns =
        "id, site, tags_json, device_class, last_seen_at, revoked_at, desired_release, current_release, update_json";

    private static readonly string[] CheckInParameters = ["@seen", "@version", "@class", "@system", "@update", "@current", "@previous", "@id"];

    public async Task<EnrollOutcome> EnrollAsync(
        DeviceRecord device, string enrollmentTokenId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // The conditions and the increment are one statement: two enrollments racing for the last use cannot both win.
        await using (var consume = connection.Sql(
            "UPDATE enrollment_tokens SET uses = uses + 1 " +
            "WHERE id = @id AND uses < max_uses AND expires_at > @now AND revoked_at IS NULL;", transaction)
            .With("@id", enrollmentTokenId).With("@now", now))
        {
            if (await consume.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                await transaction.RollbackAsync(cancellationToken);
                return EnrollOutcome.TokenNotUsable;
            }
        }

        await using (var insert = connection.Sql(
            $"INSERT INTO devices ({Columns}) VALUES (@id, @hostname, @site, @tags, @enrolled, @token, @serial, NULL, @notAfter, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);",
            transaction))
        {
            insert.With("@id", device.Id).With("@hostname", device.Hostname).With("@site", device.Site)
                .With("@tags", DbCommandExtensions.ToJson(device.Tags)).With("@enrolled", device.EnrolledAt)
                .With("@token", enrollmentTokenId).With("@serial", device.CertificateSerial)
                .With("@notAfter", device.CertificateNotAfter);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return EnrollOutcome.Enrolled;
    }

    public async Task<DeviceRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql($"SELECT {Columns} FROM devices WHERE id = @id;").With("@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<DeviceCredential?> GetCredentialAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection
            .Sql("SELECT id, certificate_serial, previous_certificate_serial, revoked_at, desired_release FROM devices WHERE id = @id;")
            .With("@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new DeviceCredential(reader.GetString(0), reader.GetString(1), reader.GetNullableString(2), reader.GetNullableTime(3), reader.GetNullableString(4))
            : null;
    }

    public async Task<DevicePage> ListAsync(DeviceQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var where = new StringBuilder(" WHERE 1 = 1");
        void Bind(DbCommand c)
        {
            // Only the parameters the WHERE clause uses: providers differ on unused ones.
            if (query.Site is not null)
            {
                c.With("@site", query.Site);
            }

            if (query.Tag is not null)
            {
                c.With("@tag", $"\"{query.Tag}\"");
            }

            if (query.Status is DeviceStatus.Online or DeviceStatus.Offline)
            {
                c.With("@since", query.OnlineSince);
            }

            if (query.Release is not null)
            {
                c.With("@release", query.Release);
            }

            if (query.Search is not null)
            {
                // lower() on both sides: SQLite's lower() folds ASCII only, so the needle is folded the same way.
                c.With("@q", AsciiLower(query.Search));
            }
        }

        if (query.Site is not null)
        {
            where.Append(" AND site = @site");
        }

        if (query.Tag is not null)
        {
            // Tags are JSON string arrays; a quoted needle matches whole elements only.
            where.Append(" AND ").Append(database.Dialect.Contains("tags_json", "@tag"));
        }

        if (query.Release is not null)
        {
            where.Append(" AND current_release = @release");
        }

        if (query.Search is not null)
        {
            where.Append(" AND (").Append(database.Dialect.Contains("lower(id)", "@q"))
                .Append(" OR ").Append(database.Dialect.Contains("lower(COALESCE(hostname, ''))", "@q")).Append(')');
        }

        where.Append(query.Status switch
        {
            DeviceStatus.Online => " AND revoked_at IS NULL AND last_seen_at >= @since",
            DeviceStatus.Offline => " AND revoked_at IS NULL AND (last_seen_at IS NULL OR last_seen_at < @since)",
            DeviceStatus.Revoked => " AND revoked_at IS NOT NULL",
            _ => "",
        });

        int total;
        await using (var count = connection.Sql($"SELECT COUNT(*) FROM devices{where};"))
        {
            Bind(count);
            total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        await using var select = connection.Sql(
            $"SELECT {Columns} FROM devices{where} ORDER BY enrolled_at, id LIMIT @limit OFFSET @offset;");
        Bind(select);
        select.With("@limit", (long)query.Limit).With("@offset", (long)query.Offset);
        return new DevicePage(await select.ReadAllAsync(Read, cancellationToken), total);
    }

    public async Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            "UPDATE devices SET revoked_at = COALESCE(revoked_at, @at) WHERE id = @id;").With("@at", at).With("@id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> ReplaceCertificateAsync(string id, string newSerial, DateTimeOffset notAfter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            "UPDATE devices SET previous_certificate_serial = certificate_serial, certificate_serial = @serial, " +
            "certificate_not_after = @notAfter WHERE id = @id AND revoked_at IS NULL;")
            .With("@serial", newSerial).With("@notAfter", notAfter).With("@id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> SetDesiredReleaseAsync(string id, string? release, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("UPDATE devices SET desired_release = @release WHERE id = @id;")
            .With("@release", release).With("@id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<int> SetDesiredReleasesAsync(IReadOnlyCollection<string> ids, string? release, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return 0;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            $"UPDATE devices SET desired_release = @release WHERE id IN ({database.Dialect.JsonTextArray("@ids")});")
            .With("@release", release).With("@ids", DbCommandExtensions.ToJson([.. ids]));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, DeviceRolloutState>> GetRolloutStatesAsync(
        IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<string, DeviceRolloutState>();
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            $"SELECT {RolloutColumns} FROM devices WHERE id IN ({database.Dialect.JsonTextArray("@ids")});")
            .With("@ids", DbCommandExtensions.ToJson([.. ids]));
        var rows = await command.ReadAllAsync(ReadRolloutState, cancellationToken);
        return rows.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<DeviceRolloutState>> ListRolloutCandidatesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql($"SELECT {RolloutColumns} FROM devices WHERE revoked_at IS NULL ORDER BY id;");
        return await command.ReadAllAsync(ReadRolloutState, cancellationToken);
    }

    public async Task ApplyCheckInsAsync(IReadOnlyCollection<DeviceCheckIn> checkIns, CancellationToken cancellationToken)
    {
        if (checkIns.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.Sql(
            "UPDATE devices SET last_seen_at = @seen, agent_version = @version, device_class = @class, system_json = @system, update_json = @update, " +
            "current_release = @current, previous_release = @previous " +
            "WHERE id = @id AND (last_seen_at IS NULL OR last_seen_at <= @seen);", transaction);
        var parameters = CheckInParameters
            .Select(name => { command.With(name, null); return command.Parameters[name]; }).ToArray();
        foreach (var checkIn in checkIns)
        {
            parameters[0].Value = checkIn.SeenAt.ToUnixTimeMilliseconds();
            parameters[1].Value = checkIn.AgentVersion;
            parameters[2].Value = checkIn.DeviceClass;
            parameters[3].Value = checkIn.SystemJson;
            parameters[4].Value = (object?)checkIn.UpdateJson ?? DBNull.Value;
            parameters[5].Value = (object?)checkIn.CurrentRelease ?? DBNull.Value;
            parameters[6].Value = (object?)checkIn.PreviousRelease ?? DBNull.Value;
            parameters[7].Value = checkIn.DeviceId;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static string AsciiLower(string text) =>
        string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] is >= 'A' and <= 'Z' ? (char)(source[i] + 32) : source[i];
            }
        });

    private static DeviceRolloutState ReadRolloutState(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), DbCommandExtensions.FromJson(r.GetString(2)), r.GetNullableString(3), r.GetNullableTime(4),
        r.GetNullableTime(5), r.GetNullableString(6), r.GetNullableString(7), r.GetNullableString(8));

    private static DeviceRecord Read(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        Hostname = r.GetNullableString(1),
        Site = r.GetString(2),
        Tags = DbCommandExtensions.FromJson(r.GetString(3)),
        EnrolledAt = r.GetTime(4),
        EnrollmentTokenId = r.GetNullableString(5),
        CertificateSerial = r.GetString(6),
        PreviousCertificateSerial = r.GetNullableString(7),
        CertificateNotAfter = r.GetTime(8),
        RevokedAt = r.GetNullableTime(9),
        LastSeenAt = r.GetNullableTime(10),
        AgentVersion = r.GetNullableString(11),
        DeviceClass = r.GetNullableString(12),
        SystemJson = r.GetNullableString(13),
        DesiredRelease = r.GetNullableString(14),
        UpdateJson = r.GetNullableString(15),
        CurrentRelease = r.GetNullableString(16),
        PreviousRelease = r.GetNullableString(17),
    };
}
