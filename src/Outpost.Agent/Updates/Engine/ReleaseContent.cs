using System.Security.Cryptography;
using System.Text.Json;

namespace Outpost.Agent.Updates.Engine;

/// <summary>
/// What the engine needs from an installed release's release.json: its artifacts (to check the files), whether it
/// carries an agent binary, and its health window. Parsed with JsonDocument (AOT) and tolerant of unknown fields.
/// </summary>
internal sealed record ReleaseContent(IReadOnlyList<ReleaseContent.Artifact> Artifacts, TimeSpan HealthWindow, string ManifestSha256)
{
    public const string ManifestFile = "release.json";

    public static readonly TimeSpan DefaultHealthWindow = TimeSpan.FromSeconds(60);

    /// <summary>The file name of the release's agent binary (artifact of kind <c>agent</c>), or null.</summary>
    public string? AgentBinary => Artifacts.FirstOrDefault(a => a.Kind == "agent")?.FileName;

    public static ReleaseContent Read(string releaseDirectory)
    {
        var bytes = File.ReadAllBytes(Path.Combine(releaseDirectory, ManifestFile));
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            var artifacts = new List<Artifact>();
            foreach (var item in root.GetProperty("artifacts").EnumerateArray())
            {
                var path = item.GetProperty("path").GetString() ?? "";
                var fileName = path[(path.LastIndexOf('/') + 1)..];
                if (fileName is "" or "." or ".." || fileName == ManifestFile)
                {
                    throw new InvalidDataException($"{ManifestFile} lists an artifact with an unusable path '{path}'");
                }

                artifacts.Add(new Artifact(
                    fileName,
                    item.TryGetProperty("kind", out var kind) ? kind.GetString() ?? "" : "",
                    item.GetProperty("length").GetInt64(),
                    item.GetProperty("sha256").GetString() ?? ""));
            }

            var window = DefaultHealthWindow;
            if (root.TryGetProperty("workload", out var workload) && workload.ValueKind == JsonValueKind.Object
                && workload.TryGetProperty("healthWindowSeconds", out var seconds) && seconds.ValueKind == JsonValueKind.Number)
            {
                window = TimeSpan.FromSeconds(Math.Clamp(seconds.GetDouble(), 0, 24 * 3600));
            }

            return new ReleaseContent(artifacts, window, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{ManifestFile} is malformed: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Checks every file of the release in <paramref name="releaseDirectory"/> (length and sha256, and release.json
    /// itself against <paramref name="expectedManifestSha256"/> when known) and flushes them to disk. Returns null when
    /// all match, else what differs.
    /// </summary>
    public static string? Verify(string releaseDirectory, string? expectedManifestSha256, out ReleaseContent? content)
    {
        content = null;
        if (!Directory.Exists(releaseDirectory))
        {
            return $"{releaseDirectory} does not exist";
        }

        try
        {
            content = Read(releaseDirectory);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return ex.Message;
        }

        if (expectedManifestSha256 is not null && !string.Equals(content.ManifestSha256, expectedManifestSha256, StringComparison.OrdinalIgnoreCase))
        {
            return $"{ManifestFile} was altered since it was installed";
        }

        foreach (var artifact in content.Artifacts)
        {
            var problem = VerifyFile(Path.Combine(releaseDirectory, artifact.FileName), artifact);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? VerifyFile(string path, Artifact artifact)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.Length != artifact.Length)
            {
                return $"{artifact.FileName}: {stream.Length} bytes, release.json says {artifact.Length}";
            }

            var hash = Convert.ToHexStringLower(SHA256.HashData(stream));
            if (!string.Equals(hash, artifact.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                return $"{artifact.FileName}: sha256 {hash} differs from release.json";
            }

            // The stager does not fsync; the install is only journaled once its bytes are durable.
            Posix.SyncFile(stream.SafeFileHandle, path);
            return null;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return $"{artifact.FileName} is missing";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"{artifact.FileName}: {ex.Message}";
        }
    }

    public sealed record Artifact(string FileName, string Kind, long Length, string Sha256);
}
