using Outpost.Protocol.Rollouts;
using Outpost.Server.Storage;

namespace Outpost.Server.Rollouts;

/// <summary>Resolves a target to device ids when the rollout is created; devices enrolled later are not part of it.</summary>
internal static class RolloutTargeting
{
    public static IReadOnlyList<DeviceRolloutState> Resolve(RolloutTarget target, IEnumerable<DeviceRolloutState> devices)
    {
        var ids = target.Devices.ToHashSet(StringComparer.Ordinal);
        var sites = target.Sites.ToHashSet(StringComparer.Ordinal);
        return [.. devices.Where(d =>
            (ids.Count == 0 || ids.Contains(d.Id))
            && (sites.Count == 0 || sites.Contains(d.Site))
            && target.Tags.All(t => d.Tags.Contains(t, StringComparer.Ordinal))
            && (string.IsNullOrWhiteSpace(target.DeviceClass) || d.DeviceClass == target.DeviceClass))];
    }
}
