using System.Globalization;

namespace Outpost.Server.Storage;

internal sealed class AdoFleetStore(StoreDatabase database) : IFleetStore
{
    public async Task<IReadOnlyList<FleetCountRow>> CountAsync(DateTimeOffset onlineSince, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            "SELECT site, current_release, COUNT(*), " +
            "SUM(CASE WHEN revoked_at IS NULL AND last_seen_at >= @since THEN 1 ELSE 0 END), " +
            "SUM(CASE WHEN revoked_at IS NOT NULL THEN 1 ELSE 0 END) " +
            "FROM devices GROUP BY site, current_release ORDER BY site, current_release;").With("@since", onlineSince);
        return await command.ReadAllAsync(
            r => new FleetCountRow(r.GetString(0), r.GetNullableString(1), Int(r.GetValue(2)), Int(r.GetValue(3)), Int(r.GetValue(4))),
            cancellationToken);
    }

    public async Task<IReadOnlyList<FleetDeviceRow>> ListActiveAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            "SELECT id, site, last_seen_at, current_release FROM devices WHERE revoked_at IS NULL ORDER BY enrolled_at, id LIMIT @limit;")
            .With("@limit", (long)limit);
        return await command.ReadAllAsync(
            r => new FleetDeviceRow(r.GetString(0), r.GetString(1), r.GetNullableTime(2), r.GetNullableString(3)), cancellationToken);
    }

    private static int Int(object value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);
}
