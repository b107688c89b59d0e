using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Outpost.Protocol.Rollouts;
using Outpost.Server.Storage;

namespace Outpost.Server.Rollouts;

/// <summary>
/// Orders the waiting devices for assignment: online devices with no recent failed update first, then online ones that failed
/// recently, then offline ones; within each tier round-robin over sites (when spreading) and a hash of rollout id + device id,
/// so the same inputs always pick the same devices (a restart cannot reshuffle a phase).
/// </summary>
internal static class CanarySelector
{
    public static IReadOnlyList<RolloutMember> Order(
        string rolloutId, IEnumerable<RolloutMember> waiting, IReadOnlyDictionary<string, DeviceRolloutState> devices,
        DateTimeOffset onlineSince, bool spreadAcrossSites)
    {
        var ordered = new List<RolloutMember>();
        foreach (var tier in waiting.GroupBy(m => Tier(devices.GetValueOrDefault(m.DeviceId), onlineSince)).OrderBy(g => g.Key))
        {
            var byHash = tier.OrderBy(m => Hash(rolloutId, m.DeviceId)).ThenBy(m => m.DeviceId, StringComparer.Ordinal);
            if (!spreadAcrossSites)
            {
                ordered.AddRange(byHash);
                continue;
            }

            var sites = byHash.GroupBy(m => m.Site, StringComparer.Ordinal)
                .OrderBy(g => Hash(rolloutId, g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.ToList()).ToList();
            for (var round = 0; sites.Count > 0; round++)
            {
                foreach (var site in sites)
                {
                    ordered.Add(site[round]);
                }

                sites.RemoveAll(s => s.Count <= round + 1);
            }
        }

        return ordered;
    }

    private static int Tier(DeviceRolloutState? device, DateTimeOffset onlineSince)
    {
        if (device?.LastSeenAt is not { } seen || seen < onlineSince)
        {
            return 2;
        }

        return DeviceObservation.ReportedFailure(device.UpdateJson) is not null ? 1 : 0;
    }

    private static ulong Hash(string rolloutId, string key) =>
        BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes($"{rolloutId}/{key}")));
}
