using System.Data.Common;
using System.Text;
using System.Text.Json;
using Outpost.Protocol.Alerts;
using Outpost.Server.Storage;

namespace Outpost.Server.Alerts;

/// <summary>Alerts over ADO.NET; one implementation for SQLite and PostgreSQL (migration 0005).</summary>
internal sealed class AdoAlertStore(StoreDatabase database) : IAlertStore
{
    private const string Columns =
        "id, fingerprint, rule, device_id, severity, labels_json, state, started_at, resolved_at, last_evaluated_at, summary, description, runbook_url";

    public async Task<IReadOnlyList<AlertRecord>> ListFiringAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql($"SELECT {Columns} FROM alerts WHERE state = 'firing';");
        return await command.ReadAllAsync(Read, cancellationToken);
    }

    public async Task<int> ApplyAsync(AlertChanges changes, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = 0;
        foreach (var alert in changes.Fired)
        {
            // The partial unique index (one firing row per fingerprint) makes a concurrent insert a no-op, not a duplicate.
            await using var insert = connection.Sql(
                $"INSERT INTO alerts ({Columns}) VALUES (@id, @fp, @rule, @device, @severity, @labels, 'firing', @started, NULL, @at, @summary, @description, @runbook) " +
                "ON CONFLICT DO NOTHING;", transaction)
                .With("@id", alert.Id).With("@fp", alert.Fingerprint).With("@rule", alert.Rule).With("@device", alert.DeviceId)
                .With("@severity", alert.Severity).With("@labels", JsonSerializer.Serialize(ToDictionary(alert.Labels), AlertsJsonContext.Default.DictionaryStringString))
                .With("@started", alert.StartedAt).With("@at", changes.EvaluatedAt).With("@summary", alert.Summary)
                .With("@description", alert.Description).With("@runbook", alert.RunbookUrl);
            inserted += await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var alert in changes.StillFiring)
        {
            await using var update = connection.Sql(
                "UPDATE alerts SET summary = @summary, description = @description, last_evaluated_at = @at WHERE id = @id AND state = 'firing';", transaction)
                .With("@summary", alert.Summary).With("@description", alert.Description).With("@at", changes.EvaluatedAt).With("@id", alert.Id);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var id in changes.ResolvedIds)
        {
            await using var resolve = connection.Sql(
                "UPDATE alerts SET state = 'resolved', resolved_at = @at, last_evaluated_at = @at WHERE id = @id AND state = 'firing';", transaction)
                .With("@at", changes.EvaluatedAt).With("@id", id);
            await resolve.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return inserted;
    }

    public async Task<IReadOnlyList<AlertRecord>> ListAsync(AlertQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var where = new StringBuilder(" WHERE 1 = 1");
        await using var command = connection.CreateCommand();
        if (query.State is { } state)
        {
            where.Append(" AND state = @state");
            command.With("@state", StateText(state));
        }

        if (query.DeviceId is { } device)
        {
            where.Append(" AND device_id = @device");
            command.With("@device", device);
        }

        if (query.Rule is { } rule)
        {
            where.Append(" AND rule = @rule");
            command.With("@rule", rule);
        }

        if (query.ResolvedSince is { } since)
        {
            where.Append(" AND (state = 'firing' OR resolved_at >= @since)");
            command.With("@since", since);
        }

        command.CommandText = $"SELECT {Columns} FROM alerts{where} ORDER BY started_at DESC, id DESC LIMIT @limit;";
        command.With("@limit", (long)query.Limit);
        return await command.ReadAllAsync(Read, cancellationToken);
    }

    public async Task<int> DeleteResolvedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("DELETE FROM alerts WHERE state = 'resolved' AND resolved_at < @before;").With("@before", before);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string StateText(AlertState state) => state == AlertState.Firing ? "firing" : "resolved";

    private static Dictionary<string, string> ToDictionary(IReadOnlyDictionary<string, string> labels) =>
        labels as Dictionary<string, string> ?? labels.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);

    private static AlertRecord Read(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        Fingerprint = r.GetString(1),
        Rule = r.GetString(2),
        DeviceId = r.GetNullableString(3),
        Severity = r.GetString(4),
        Labels = JsonSerializer.Deserialize(r.GetString(5), AlertsJsonContext.Default.DictionaryStringString) ?? [],
        State = r.GetString(6) == "firing" ? AlertState.Firing : AlertState.Resolved,
        StartedAt = r.GetTime(7),
        ResolvedAt = r.GetNullableTime(8),
        LastEvaluatedAt = r.GetTime(9),
        Summary = r.GetString(10),
        Description = r.GetNullableString(11),
        RunbookUrl = r.GetString(12),
    };
}
