using System.Text.Json;
using Outpost.Protocol.Releases;
using Outpost.Trust.Tuf.Metadata;

namespace Outpost.Server.Repository;

/// <summary>Groups release targets (custom release/version/deviceClass/kind, see TUF-CONTRACT) into release views.</summary>
internal static class ReleaseCatalog
{
    public static IReadOnlyList<ReleaseView> From(TargetsMetadata? targets)
    {
        if (targets is null)
        {
            return [];
        }

        var releases = new SortedDictionary<(string Name, string Version), (string DeviceClass, List<ReleaseArtifactView> Artifacts)>();
        foreach (var (path, file) in targets.Targets)
        {
            if (file.Custom is not { ValueKind: JsonValueKind.Object } custom
                || Text(custom, "release") is not { } name || Text(custom, "version") is not { } version)
            {
                continue;
            }

            var key = (name, version);
            if (!releases.TryGetValue(key, out var release))
            {
                release = (Text(custom, "deviceClass") ?? string.Empty, []);
                releases[key] = release;
            }

            var kind = Text(custom, "kind") ?? "file";
            if (kind != "manifest")
            {
                release.Artifacts.Add(new ReleaseArtifactView
                {
                    Name = path[(path.LastIndexOf('/') + 1)..], Kind = kind, Length = file.Length,
                    Sha256 = file.Hashes.GetValueOrDefault("sha256") ?? string.Empty,
                });
            }
        }

        return [.. releases.Select(r => new ReleaseView
        {
            Name = r.Key.Name, Version = r.Key.Version, DeviceClass = r.Value.DeviceClass,
            Artifacts = [.. r.Value.Artifacts.OrderBy(a => a.Name, StringComparer.Ordinal)], TargetsVersion = targets.Version,
        })];
    }

    private static string? Text(JsonElement custom, string name) =>
        custom.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
