using System.Text.Json;
using Outpost.Server.Repository;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Metadata;

namespace Outpost.Server.Dashboard;

/// <summary>
/// When each release was first published: the first targets version that lists it, and when the server accepted that
/// version (the time of its N.targets.json file). TUF metadata carries no signing time and the targets metadata is
/// cumulative, so this is the only order "newest first" can have. Every targets version stays on disk (the chain
/// clients walk), so the history is read from there once and extended as new versions arrive.
/// </summary>
internal sealed class ReleaseHistory(RepositoryLayout layout)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ReleasePublication> _first = new(StringComparer.Ordinal);
    private long _scanned;

    /// <summary>Publication of every release listed up to <paramref name="currentTargetsVersion"/>, by <c>NAME@VERSION</c>.</summary>
    public IReadOnlyDictionary<string, ReleasePublication> Read(long currentTargetsVersion)
    {
        lock (_gate)
        {
            for (var version = _scanned + 1; version <= currentTargetsVersion; version++)
            {
                Scan(version);
            }

            _scanned = Math.Max(_scanned, currentTargetsVersion);
            return new Dictionary<string, ReleasePublication>(_first, StringComparer.Ordinal);
        }
    }

    private void Scan(long version)
    {
        var file = new FileInfo(layout.MetadataFile(MetadataFiles.Versioned(version, TufRoles.Targets)));
        if (!file.Exists)
        {
            return;
        }

        TargetsMetadata targets;
        try
        {
            targets = MetadataParser.Parse<TargetsMetadata>(File.ReadAllBytes(file.FullName)).Signed;
        }
        catch (TufException)
        {
            return; // the server wrote only metadata it accepted; a damaged old file just leaves its releases undated
        }

        var acceptedAt = new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero);
        foreach (var target in targets.Targets.Values)
        {
            if (target.Custom is { ValueKind: JsonValueKind.Object } custom
                && custom.TryGetProperty("release", out var name) && name.ValueKind == JsonValueKind.String
                && custom.TryGetProperty("version", out var release) && release.ValueKind == JsonValueKind.String)
            {
                _first.TryAdd($"{name.GetString()}@{release.GetString()}", new ReleasePublication(version, acceptedAt));
            }
        }
    }
}
