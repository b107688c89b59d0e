using Outpost.Protocol.Releases;
using Outpost.Cli.Api;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Client;
using Outpost.Trust.Tuf.Metadata;
using Outpost.Trust.Tuf.Verification;

namespace Outpost.Cli.Releases;

/// <summary>
/// The targets metadata a new release builds on, verified the way an agent verifies it (TrustedMetadataSet, TUF 5.3
/// to 5.6) starting from the operator's own root.json: a server cannot slip unsigned targets into the next version.
/// </summary>
internal static class CurrentTargets
{
    private const int MaxRootRotations = 32;

    /// <summary>The current targets and the root that governs them, or null targets when nothing was pushed yet.</summary>
    public static async Task<(TargetsMetadata? Targets, RootMetadata Root)> FetchAsync(
        AdminApiClient client, byte[] trustedRoot, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            var set = new TrustedMetadataSet(trustedRoot, now);
            for (var i = 0; i < MaxRootRotations; i++)
            {
                var next = await TryGetAsync(client, $"{set.Root.Signed.Version + 1}.root.json", ct);
                if (next is null)
                {
                    break;
                }

                set.UpdateRoot(next);
            }

            var timestamp = await TryGetAsync(client, "timestamp.json", ct);
            if (timestamp is null)
            {
                return (null, set.Root.Signed);
            }

            var snapshotVersion = set.UpdateTimestamp(timestamp).Signed.SnapshotMeta.Version;
            var snapshot = set.UpdateSnapshot(await GetAsync(client, $"{snapshotVersion}.snapshot.json", ct));
            if (!snapshot.Signed.Meta.TryGetValue(TufRoles.FileName(TufRoles.Targets), out var meta))
            {
                return (null, set.Root.Signed);
            }

            var targets = set.UpdateTargets(await GetAsync(client, $"{meta.Version}.targets.json", ct));
            return (targets.Signed, set.Root.Signed);
        }
        catch (TufException e)
        {
            throw new CliException($"the server's TUF metadata does not verify against root.json: {e.Message}", ExitCodes.Failure, e);
        }
    }

    /// <summary>--base-targets: an offline copy, which must carry the targets threshold of the local root.</summary>
    public static TargetsMetadata Load(string path, RootMetadata root)
    {
        ArgumentNullException.ThrowIfNull(root);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"--base-targets: cannot read {path}: {e.Message}", ExitCodes.Failure, e);
        }

        try
        {
            var targets = MetadataParser.Parse<TargetsMetadata>(bytes);
            SignatureThreshold.Require(targets.Envelope, root.Role(TufRoles.Targets), root.Keys, TufRoles.Targets);
            return targets.Signed;
        }
        catch (TufException e)
        {
            throw new CliException($"--base-targets: {path}: {e.Message}", ExitCodes.Failure, e);
        }
    }

    private static async Task<byte[]> GetAsync(AdminApiClient client, string file, CancellationToken ct) =>
        await TryGetAsync(client, file, ct) ?? throw new CliException($"the server lists {file} but does not serve it");

    private static async Task<byte[]?> TryGetAsync(AdminApiClient client, string file, CancellationToken ct)
    {
        try
        {
            return await client.SendForBytesAsync(HttpMethod.Get, TufApiRoutes.Metadata(file), null, ct);
        }
        catch (AdminApiException e) when (e.StatusCode == 404)
        {
            return null;
        }
    }
}
