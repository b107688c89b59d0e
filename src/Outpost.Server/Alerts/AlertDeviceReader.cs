using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Outpost.Protocol;
using Outpost.Server.Storage;

namespace Outpost.Server.Alerts;

/// <summary>Reads every non-revoked device for an evaluation round (revoked devices are out of the fleet: no alerts).</summary>
internal sealed class AlertDeviceReader(StoreDatabase database)
{
    public async Task<IReadOnlyList<AlertDevice>> ReadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            "SELECT id, hostname, site, enrolled_at, last_seen_at, certificate_not_after, system_json, update_json, current_release " +
            "FROM devices WHERE revoked_at IS NULL ORDER BY id;");
        return await command.ReadAllAsync(Read, cancellationToken);
    }

    private static AlertDevice Read(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        Hostname = r.GetNullableString(1),
        Site = r.GetString(2),
        EnrolledAt = r.GetTime(3),
        LastSeenAt = r.GetNullableTime(4),
        CertificateNotAfter = r.GetTime(5),
        System = Parse(r.GetNullableString(6), OutpostJsonContext.Default.SystemSnapshot),
        Update = Parse(r.GetNullableString(7), OutpostJsonContext.Default.UpdateReport),
        CurrentRelease = r.GetNullableString(8),
    };

    // The server wrote these columns from validated check-ins; a row it cannot read (older format) only means the
    // rules that need it skip the device.
    private static T? Parse<T>(string? json, JsonTypeInfo<T> type)
        where T : class
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(json, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
