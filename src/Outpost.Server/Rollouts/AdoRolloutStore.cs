using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Outpost.Protocol;
using Outpost.Protocol.Rollouts;
using Outpost.Server.Storage;

namespace Outpost.Server.Rollouts;

/// <summary>Rollouts over ADO.NET; one implementation for SQLite and PostgreSQL (same SQL, times as unix ms, JSON as text).</summary>
internal sealed class AdoRolloutStore(StoreDatabase database) : IRolloutStore
{
    private const string Columns =
        "id, spec_json, state, phase, phase_started_at, bake_started_at, halted_at, paused_from, reason, gates_json, target_count, " +
        "created_at, created_by, updated_at, version";

    private const string MemberColumns = "device_id, site, phase, state, previous_release, assigned_at, finished_at, cause";

    private static OutpostJsonContext Json => OutpostJsonContext.Default;

    public async Task<string?> CreateAsync(
        RolloutRecord rollout, IReadOnlyCollection<string> deviceIds, RolloutDecision decision, CancellationToken cancellationToken)
    {
        var ids = DbCommandExtensions.ToJson([.. deviceIds]);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await FindConflictAsync(connection, transaction, ids, cancellationToken) is { } other)
        {
            await transaction.RollbackAsync(cancellationToken);
            return other;
        }

        await using (var insert = connection.Sql(
            $"INSERT INTO rollouts (release, active, {Columns}) VALUES (@release, 1, @id, @spec, @state, @phase, @phaseStarted, @bakeStarted, " +
            "@halted, @pausedFrom, @reason, @gates, @targets, @created, @by, @updated, @version);", transaction))
        {
            Bind(insert, rollout, rollout.Version).With("@release", rollout.Spec.Release).With("@created", rollout.CreatedAt)
                .With("@by", rollout.CreatedBy).With("@targets", (long)rollout.TargetCount);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var members = connection.Sql(
            "INSERT INTO rollout_devices (rollout_id, device_id, site, phase, state, previous_release, assigned_at, finished_at, cause, active) " +
            $"SELECT @id, id, site, NULL, @state, NULL, NULL, NULL, NULL, 1 FROM devices WHERE id IN ({database.Dialect.JsonTextArray("@ids")});",
            transaction).With("@id", rollout.Id).With("@state", nameof(RolloutDeviceState.Waiting)).With("@ids", ids))
        {
            try
            {
                await members.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (DbException)
            {
                // The unique index on active devices: a concurrent create (another replica) won the race after our check.
                await transaction.RollbackAsync(cancellationToken);
                return "(a rollout created concurrently)";
            }
        }

        await AppendAsync(connection, transaction, rollout.Id, rollout.CreatedAt, [decision], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    public async Task<RolloutRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql($"SELECT {Columns} FROM rollouts WHERE id = @id;").With("@id", id);
        return (await command.ReadAllAsync(Read, cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<RolloutRecord>> ListAsync(bool activeOnly, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            $"SELECT {Columns} FROM rollouts{(activeOnly ? " WHERE active = 1" : "")} ORDER BY created_at DESC, id DESC;");
        return await command.ReadAllAsync(Read, cancellationToken);
    }

    public async Task<IReadOnlyList<RolloutRecord>> ListHaltedAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            $"SELECT {Columns} FROM rollouts WHERE state IN (@halted, @rollingBack) OR halted_at >= @since ORDER BY created_at DESC, id DESC;")
            .With("@halted", nameof(RolloutState.Halted)).With("@rollingBack", nameof(RolloutState.RollingBack)).With("@since", since);
        return await command.ReadAllAsync(Read, cancellationToken);
    }

    public async Task<IReadOnlyList<RolloutMember>> GetMembersAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            $"SELECT {MemberColumns} FROM rollout_devices WHERE rollout_id = @id ORDER BY device_id;").With("@id", id);
        return await command.ReadAllAsync(ReadMember, cancellationToken);
    }

    public async Task<bool> SaveAsync(
        RolloutRecord rollout, long expectedVersion, IReadOnlyCollection<RolloutMember> changed, IReadOnlyList<RolloutDecision> decisions,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var update = connection.Sql(
            "UPDATE rollouts SET state = @state, phase = @phase, phase_started_at = @phaseStarted, bake_started_at = @bakeStarted, " +
            "halted_at = @halted, paused_from = @pausedFrom, reason = @reason, gates_json = @gates, updated_at = @updated, " +
            "version = @version, active = @active WHERE id = @id AND version = @expected;", transaction))
        {
            Bind(update, rollout, expectedVersion + 1).With("@expected", expectedVersion).With("@active", rollout.IsActive ? 1L : 0L);
            if (await update.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }
        }

        // Devices change in groups (a phase assigned at once, a rollback): one statement per group, not per device.
        foreach (var group in changed.GroupBy(m => m with { DeviceId = string.Empty, Site = string.Empty }))
        {
            var m = group.Key;
            await using var members = connection.Sql(
                "UPDATE rollout_devices SET phase = @phase, state = @state, previous_release = @previous, assigned_at = @assigned, " +
                $"finished_at = @finished, cause = @cause WHERE rollout_id = @id AND device_id IN ({database.Dialect.JsonTextArray("@ids")});",
                transaction)
                .With("@phase", m.Phase is { } phase ? (long)phase : null).With("@state", m.State.ToString())
                .With("@previous", m.PreviousRelease).With("@assigned", m.AssignedAt).With("@finished", m.FinishedAt).With("@cause", m.Cause)
                .With("@id", rollout.Id).With("@ids", DbCommandExtensions.ToJson([.. group.Select(g => g.DeviceId)]));
            await members.ExecuteNonQueryAsync(cancellationToken);
        }

        if (!rollout.IsActive)
        {
            await using var release = connection.Sql("UPDATE rollout_devices SET active = 0 WHERE rollout_id = @id;", transaction)
                .With("@id", rollout.Id);
            await release.ExecuteNonQueryAsync(cancellationToken);
        }

        await AppendAsync(connection, transaction, rollout.Id, rollout.UpdatedAt, decisions, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<(int? Phase, RolloutDeviceState State, int Count)>> CountAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            "SELECT phase, state, COUNT(*) FROM rollout_devices WHERE rollout_id = @id GROUP BY phase, state;").With("@id", id);
        return await command.ReadAllAsync(
            r => (r.IsDBNull(0) ? (int?)null : Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture),
                Enum.Parse<RolloutDeviceState>(r.GetString(1)), Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture)),
            cancellationToken);
    }

    public async Task<IReadOnlyList<RolloutDecisionView>> GetDecisionsAsync(string id, int? limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            "SELECT sequence, at, action, reason, by_token, evidence_json FROM rollout_decisions WHERE rollout_id = @id " +
            "ORDER BY sequence DESC LIMIT @limit;").With("@id", id).With("@limit", (long)(limit ?? int.MaxValue));
        var newestFirst = await command.ReadAllAsync(
            r => new RolloutDecisionView
            {
                Sequence = r.GetInt64(0), At = r.GetTime(1), Action = r.GetString(2), Reason = r.GetString(3), By = r.GetNullableString(4),
                Evidence = r.GetNullableString(5) is { } json ? JsonSerializer.Deserialize(json, Json.RolloutEvidence) : null,
            },
            cancellationToken);
        newestFirst.Reverse();
        return newestFirst;
    }

    private async Task<string?> FindConflictAsync(DbConnection connection, DbTransaction transaction, string ids, CancellationToken ct)
    {
        await using var command = connection.Sql(
            $"SELECT rollout_id FROM rollout_devices WHERE active = 1 AND device_id IN ({database.Dialect.JsonTextArray("@ids")}) " +
            "ORDER BY rollout_id LIMIT 1;", transaction).With("@ids", ids);
        return await command.ExecuteScalarAsync(ct) as string;
    }

    private static async Task AppendAsync(
        DbConnection connection, DbTransaction transaction, string id, DateTimeOffset at, IReadOnlyList<RolloutDecision> decisions, CancellationToken ct)
    {
        if (decisions.Count == 0)
        {
            return;
        }

        long sequence;
        await using (var max = connection.Sql("SELECT COALESCE(MAX(sequence), 0) FROM rollout_decisions WHERE rollout_id = @id;", transaction)
            .With("@id", id))
        {
            sequence = Convert.ToInt64(await max.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }

        foreach (var decision in decisions)
        {
            await using var insert = connection.Sql(
                "INSERT INTO rollout_decisions (rollout_id, sequence, at, action, reason, by_token, evidence_json) " +
                "VALUES (@id, @sequence, @at, @action, @reason, @by, @evidence);", transaction)
                .With("@id", id).With("@sequence", ++sequence).With("@at", at).With("@action", decision.Action).With("@reason", decision.Reason)
                .With("@by", decision.By)
                .With("@evidence", decision.Evidence is null ? null : JsonSerializer.Serialize(decision.Evidence, Json.RolloutEvidence));
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    private static DbCommand Bind(DbCommand command, RolloutRecord r, long version) =>
        command.With("@id", r.Id).With("@spec", JsonSerializer.Serialize(r.Spec, Json.RolloutSpec)).With("@state", r.State.ToString())
            .With("@phase", (long)r.Phase).With("@phaseStarted", r.PhaseStartedAt).With("@bakeStarted", r.BakeStartedAt)
            .With("@halted", r.HaltedAt).With("@pausedFrom", r.PausedFrom?.ToString()).With("@reason", r.Reason)
            .With("@gates", JsonSerializer.Serialize(r.Gates, Json.IReadOnlyListRolloutGateView)).With("@updated", r.UpdatedAt)
            .With("@version", version);

    private static RolloutRecord Read(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        Spec = JsonSerializer.Deserialize(r.GetString(1), Json.RolloutSpec)!,
        State = Enum.Parse<RolloutState>(r.GetString(2)),
        Phase = Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture),
        PhaseStartedAt = r.GetNullableTime(4),
        BakeStartedAt = r.GetNullableTime(5),
        HaltedAt = r.GetNullableTime(6),
        PausedFrom = r.GetNullableString(7) is { } paused ? Enum.Parse<RolloutState>(paused) : null,
        Reason = r.GetNullableString(8),
        Gates = r.GetNullableString(9) is { } gates ? JsonSerializer.Deserialize(gates, Json.IReadOnlyListRolloutGateView) ?? [] : [],
        TargetCount = Convert.ToInt32(r.GetValue(10), CultureInfo.InvariantCulture),
        CreatedAt = r.GetTime(11),
        CreatedBy = r.GetString(12),
        UpdatedAt = r.GetTime(13),
        Version = r.GetInt64(14),
    };

    private static RolloutMember ReadMember(DbDataReader r) => new()
    {
        DeviceId = r.GetString(0),
        Site = r.GetString(1),
        Phase = r.IsDBNull(2) ? null : Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture),
        State = Enum.Parse<RolloutDeviceState>(r.GetString(3)),
        PreviousRelease = r.GetNullableString(4),
        AssignedAt = r.GetNullableTime(5),
        FinishedAt = r.GetNullableTime(6),
        Cause = r.GetNullableString(7),
    };
}
