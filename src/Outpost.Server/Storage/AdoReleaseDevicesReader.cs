using System.Globalization;

namespace Outpost.Server.Storage;

internal sealed class AdoReleaseDevicesReader(StoreDatabase database) : IReleaseDevicesReader
{
    public async Task<IReadOnlyDictionary<string, ReleaseDeviceCounts>> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // One scan per column; both are plain SQL that SQLite and PostgreSQL read the same way.
        await using var command = connection.Sql(
            "SELECT current_release, 0, COUNT(*) FROM devices WHERE revoked_at IS NULL AND current_release IS NOT NULL GROUP BY current_release " +
            "UNION ALL " +
            "SELECT desired_release, 1, COUNT(*) FROM devices WHERE revoked_at IS NULL AND desired_release IS NOT NULL GROUP BY desired_release;");
        var rows = await command.ReadAllAsync(
            r => (Release: r.GetString(0), Desired: Int(r.GetValue(1)) == 1, Count: Int(r.GetValue(2))), cancellationToken);
        var counts = new Dictionary<string, ReleaseDeviceCounts>(StringComparer.Ordinal);
        foreach (var (release, desired, count) in rows)
        {
            var current = counts.GetValueOrDefault(release) ?? new ReleaseDeviceCounts(0, 0);
            counts[release] = desired ? current with { Desired = count } : current with { Running = count };
        }

        return counts;
    }

    public async Task<IReadOnlyList<FleetDeviceRow>> ListRunningAsync(string release, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            "SELECT id, site, last_seen_at, current_release FROM devices WHERE revoked_at IS NULL AND current_release = @release ORDER BY id LIMIT @limit;")
            .With("@release", release).With("@limit", (long)limit);
        return await command.ReadAllAsync(
            r => new FleetDeviceRow(r.GetString(0), r.GetString(1), r.GetNullableTime(2), r.GetNullableString(3)), cancellationToken);
    }

    private static int Int(object value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);
}
