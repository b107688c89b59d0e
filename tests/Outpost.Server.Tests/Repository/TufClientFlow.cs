using System.Net;
using Outpost.Protocol.Releases;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Client;

namespace Outpost.Server.Tests.Repository;

/// <summary>The TUF client workflow (TUF 5.3–5.6) over HTTP against the server, verified by the core's TrustedMetadataSet.</summary>
public static class TufClientFlow
{
    public static async Task<TrustedMetadataSet> RefreshAsync(HttpClient client, byte[] trustedRoot, DateTimeOffset now)
    {
        var ct = TestContext.Current.CancellationToken;
        var set = new TrustedMetadataSet(trustedRoot, now);
        while (true)
        {
            using var next = await client.GetAsync($"{TufApiRoutes.MetadataBase}{set.Root.Signed.Version + 1}.root.json", ct);
            if (next.StatusCode == HttpStatusCode.NotFound)
            {
                break;
            }

            set.UpdateRoot(await next.Content.ReadAsByteArrayAsync(ct));
        }

        var timestamp = set.UpdateTimestamp(await client.GetByteArrayAsync(TufApiRoutes.MetadataBase + "timestamp.json", ct));
        var snapshot = set.UpdateSnapshot(
            await client.GetByteArrayAsync($"{TufApiRoutes.MetadataBase}{timestamp.Signed.SnapshotMeta.Version}.snapshot.json", ct));
        var targetsVersion = snapshot.Signed.Meta[TufRoles.FileName(TufRoles.Targets)].Version;
        set.UpdateTargets(await client.GetByteArrayAsync($"{TufApiRoutes.MetadataBase}{targetsVersion}.targets.json", ct));
        return set;
    }

    /// <summary>TUF 5.7.3: DIR/HASH.NAME under the targets base URL.</summary>
    public static string TargetUrl(string path, string sha256)
    {
        var slash = path.LastIndexOf('/');
        return TufApiRoutes.TargetsBase + path[..(slash + 1)] + sha256 + "." + path[(slash + 1)..];
    }
}
