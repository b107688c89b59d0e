using Outpost.Protocol.Rollouts;
using Outpost.Server.Storage;

namespace Outpost.Server.Rollouts;

/// <summary>
/// The rollouts one device was a target of, newest first: the server's own record of which release it was sent, how it
/// ended for this device and why (rollout_devices.cause). The agent reports only its latest update, so this is the
/// longest release history the server keeps.
/// </summary>
internal sealed class DeviceRolloutHistoryReader(StoreDatabase database)
{
    public async Task<IReadOnlyList<DeviceRolloutEntry>> ListAsync(string deviceId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            "SELECT r.id, r.release, r.state, d.state, d.previous_release, d.assigned_at, d.finished_at, d.cause, r.created_at " +
            "FROM rollout_devices d JOIN rollouts r ON r.id = d.rollout_id WHERE d.device_id = @device " +
            "ORDER BY r.created_at DESC, r.id DESC LIMIT @limit;")
            .With("@device", deviceId).With("@limit", (long)limit);
        return await command.ReadAllAsync(
            r => new DeviceRolloutEntry(
                r.GetString(0), r.GetString(1), Enum.Parse<RolloutState>(r.GetString(2)), Enum.Parse<RolloutDeviceState>(r.GetString(3)),
                r.GetNullableString(4), r.GetNullableTime(5), r.GetNullableTime(6), r.GetNullableString(7), r.GetTime(8)),
            cancellationToken);
    }
}
