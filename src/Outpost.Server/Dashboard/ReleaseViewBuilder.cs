using System.Text;
using System.Text.Json;
using Outpost.Protocol.Releases;
using Outpost.Server.Dashboard.Views;
using Outpost.Server.Repository;
using Outpost.Server.Rollouts;
using Outpost.Server.Storage;

namespace Outpost.Server.Dashboard;

/// <summary>
/// Builds the release pages' views from what the admin API reads: <see cref="ReleaseCatalog"/> over the repository's
/// current targets (as <c>GET /v1/releases</c> / <c>outpost release ls</c>), the current root, and the device and
/// rollout stores.
/// </summary>
internal sealed class ReleaseViewBuilder(
    TufRepository repository, BlobStore blobs, ReleaseHistory history, IReleaseDevicesReader devices, IRolloutStore rollouts)
{
    public const int DevicePageSize = 50;

    // A manifest is a few KiB; anything far larger is not one we will render.
    private const long MaxManifestBytes = 1024 * 1024;
    private const int MaxWorkloadChars = 8000;

    public RepositoryState State => repository.State;

    /// <summary>Every release, newest first (by the targets version that first listed it, then name and version descending).</summary>
    public async Task<IReadOnlyList<ReleaseRowView>> ListAsync(CancellationToken cancellationToken)
    {
        var state = repository.State;
        var releases = ReleaseCatalog.From(state.Targets?.Signed);
        var published = history.Read(state.Targets?.Signed.Version ?? 0);
        var counts = await devices.CountAsync(cancellationToken);
        return [.. releases.Select(r => Row(r, published, counts))
            .OrderByDescending(r => r.PublishedInTargets ?? 0)
            .ThenByDescending(r => r.Name, StringComparer.Ordinal)
            .ThenByDescending(r => r.Version, StringComparer.Ordinal)];
    }

    /// <summary>The release page's view, or null when the current targets do not list <c>name@version</c>.</summary>
    public async Task<ReleaseDetailView?> DetailAsync(string name, string version, CancellationToken cancellationToken)
    {
        var state = repository.State;
        if (state.Root is null || state.Targets is null
            || ReleaseCatalog.From(state.Targets.Signed).FirstOrDefault(r => r.Name == name && r.Version == version) is not { } release)
        {
            return null;
        }

        var id = $"{name}@{version}";
        var row = Row(release, history.Read(state.Targets.Signed.Version), await devices.CountAsync(cancellationToken));
        var running = await devices.ListRunningAsync(id, DevicePageSize, cancellationToken);
        var used = (await rollouts.ListAsync(activeOnly: false, cancellationToken))
            .Where(r => r.Spec.Release == id)
            .OrderByDescending(r => r.CreatedAt)
            .Select(r => new ReleaseRolloutView(r.Id, r.State, r.CreatedAt, r.CreatedBy, r.TargetCount));
        return new ReleaseDetailView
        {
            Release = release,
            Row = row,
            Workload = Workload(state, name, version),
            Signing = SigningViews.From(state),
            Devices = [.. running.Select(d => new ReleaseDeviceView(d.Id, d.Site, d.LastSeenAt))],
            Rollouts = [.. used],
        };
    }

    private static ReleaseRowView Row(
        ReleaseView release, IReadOnlyDictionary<string, ReleasePublication> published, IReadOnlyDictionary<string, ReleaseDeviceCounts> counts)
    {
        var id = $"{release.Name}@{release.Version}";
        var count = counts.GetValueOrDefault(id);
        var publication = published.GetValueOrDefault(id);
        return new ReleaseRowView
        {
            Name = release.Name,
            Version = release.Version,
            DeviceClass = release.DeviceClass,
            ArtifactCount = release.Artifacts.Count,
            TotalBytes = release.Artifacts.Sum(a => a.Length),
            Running = count?.Running ?? 0,
            Desired = count?.Desired ?? 0,
            PublishedInTargets = publication?.TargetsVersion,
            PublishedAt = publication?.AcceptedAt,
        };
    }

    /// <summary>The manifest's <c>workload</c> object, read from the manifest target's blob (its hash is signed in targets).</summary>
    private string? Workload(RepositoryState state, string name, string version)
    {
        if (!state.Targets!.Signed.Targets.TryGetValue($"releases/{name}/{version}/release.json", out var manifest)
            || manifest.Length > MaxManifestBytes
            || manifest.Hashes.GetValueOrDefault("sha256") is not { } sha256 || !BlobStore.IsSha256Hex(sha256)
            || blobs.LengthOf(sha256) is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(blobs.PathOf(sha256)));
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("workload", out var workload) || workload.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                workload.WriteTo(writer);
            }

            var text = Encoding.UTF8.GetString(buffer.ToArray());
            return text.Length <= MaxWorkloadChars ? text : text[..MaxWorkloadChars] + "\n… (truncated)";
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
