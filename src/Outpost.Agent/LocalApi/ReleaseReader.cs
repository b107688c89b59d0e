using System.Text.Json;

namespace Outpost.Agent.LocalApi;

/// <summary>
/// Describes the release under AgentPaths.Current (a link to releases/NAME@VERSION) from its release.json: artifacts
/// are files in the release folder named by their artifact name (WAVE2 contract).
/// </summary>
internal sealed class ReleaseReader(AgentPaths paths)
{
    public LocalHttpResponse Read()
    {
        var current = paths.Current;
        try
        {
            var folder = Directory.ResolveLinkTarget(current, returnFinalTarget: true)?.FullName ?? current;
            using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "release.json")));
            var root = document.RootElement;
            var name = root.GetProperty("name").GetString();
            var version = root.GetProperty("version").GetString();
            var artifacts = new List<ReleaseArtifactInfo>();
            if (root.TryGetProperty("artifacts", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                {
                    var artifact = item.GetProperty("name").GetString() ?? "";
                    var kind = item.TryGetProperty("kind", out var k) ? k.GetString() ?? "" : "";
                    artifacts.Add(new ReleaseArtifactInfo(artifact, kind, Path.Combine(folder, artifact)));
                }
            }

            return LocalHttpResponse.Json(200, new ReleaseInfo
            {
                ReleaseId = $"{name}@{version}",
                Folder = folder,
                AppPath = FirstOfKind(artifacts, "app"),
                ModelPath = FirstOfKind(artifacts, "model"),
                ConfigPath = FirstOfKind(artifacts, "config"),
                Artifacts = artifacts,
            }, LocalApiJsonContext.Default.ReleaseInfo);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return LocalHttpResponse.Problem(404, "Not Found", "no release is installed on this device yet");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return LocalHttpResponse.Problem(503, "Release Unreadable", $"the current release's release.json cannot be read: {ex.Message}");
        }
    }

    private static string? FirstOfKind(List<ReleaseArtifactInfo> artifacts, string kind) =>
        artifacts.Find(a => a.Kind == kind)?.Path;
}
