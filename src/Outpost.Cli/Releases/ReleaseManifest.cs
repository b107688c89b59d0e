using System.Text.Json;
using System.Text.Json.Nodes;

namespace Outpost.Cli.Releases;

/// <summary>release.json, the manifest target of a release, and the "custom" object of each of its targets.</summary>
internal static class ReleaseManifest
{
    public static byte[] Build(string name, string version, string deviceClass, IEnumerable<StagedArtifact> artifacts, JsonObject? workload)
    {
        var list = new JsonArray();
        foreach (var artifact in artifacts)
        {
            list.Add((JsonNode)new JsonObject
            {
                ["name"] = artifact.TargetPath[(artifact.TargetPath.LastIndexOf('/') + 1)..],
                ["kind"] = artifact.Kind,
                ["path"] = artifact.TargetPath,
                ["length"] = artifact.Length,
                ["sha256"] = artifact.Sha256,
            });
        }

        var manifest = new JsonObject
        {
            ["name"] = name,
            ["version"] = version,
            ["deviceClass"] = deviceClass,
            ["artifacts"] = list,
            ["workload"] = workload ?? [],
        };
        return JsonSerializer.SerializeToUtf8Bytes(manifest, ReleasesJsonContext.Default.JsonObject);
    }

    public static JsonElement Custom(string name, string version, string deviceClass, string kind)
    {
        var custom = new JsonObject { ["release"] = name, ["version"] = version, ["deviceClass"] = deviceClass, ["kind"] = kind };
        using var document = JsonDocument.Parse(custom.ToJsonString());
        return document.RootElement.Clone();
    }

    /// <summary>--workload: the workload spec (issue 4) carried verbatim; it must be one JSON object.</summary>
    public static JsonObject? ReadWorkload(string? path)
    {
        if (path is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(File.ReadAllBytes(path)) as JsonObject
                ?? throw new CliException($"--workload: {path} is not a JSON object", ExitCodes.Usage);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliException($"--workload: file not found: {Path.GetFullPath(path)}", ExitCodes.Failure, e);
        }
        catch (JsonException e)
        {
            throw new CliException($"--workload: {path} is not valid JSON: {e.Message}", ExitCodes.Usage, e);
        }
    }
}
