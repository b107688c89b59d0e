using System.Text.Json;

namespace Outpost.Agent.Updates.Releases;

/// <summary>
/// The artifact list of a release.json (TUF-CONTRACT "Release = targets entries"). Only the paths are used from it:
/// lengths and hashes come from the verified targets metadata, and the manifest's own claims must agree with them.
/// </summary>
internal sealed record ReleaseManifest(IReadOnlyList<ReleaseManifest.Artifact> Artifacts)
{
    public static ReleaseManifest Parse(byte[] json, string prefix)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (!document.RootElement.TryGetProperty("artifacts", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new ReleaseRefusedException("release.json has no artifacts list");
            }

            var artifacts = new List<Artifact>();
            foreach (var item in list.EnumerateArray())
            {
                var path = item.GetProperty("path").GetString() ?? "";
                if (!path.StartsWith(prefix, StringComparison.Ordinal) || path.Contains("..", StringComparison.Ordinal)
                    || path.AsSpan(prefix.Length).Contains('/'))
                {
                    throw new ReleaseRefusedException($"release.json lists {path}, which is outside {prefix}");
                }

                artifacts.Add(new Artifact(path, item.GetProperty("length").GetInt64(), item.GetProperty("sha256").GetString() ?? ""));
            }

            return new ReleaseManifest(artifacts);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new ReleaseRefusedException($"release.json is malformed: {ex.Message}", ex);
        }
    }

    public sealed record Artifact(string Path, long Length, string Sha256)
    {
        public string FileName => Path[(Path.LastIndexOf('/') + 1)..];
    }
}
