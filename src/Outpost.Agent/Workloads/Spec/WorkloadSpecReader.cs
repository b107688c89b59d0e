using System.Text.Json;

namespace Outpost.Agent.Workloads.Spec;

/// <summary>Parses release.json: the artifact names and kinds, and the "workload" object (source-generated JSON).</summary>
internal static class WorkloadSpecReader
{
    public static (WorkloadSpec Spec, IReadOnlyList<ReleaseArtifact> Artifacts) Parse(ReadOnlySpan<byte> releaseJson)
    {
        try
        {
            using var document = JsonDocument.Parse(releaseJson.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new WorkloadSpecException("release.json is not a JSON object");
            }

            var spec = root.TryGetProperty("workload", out var workload) ? ParseWorkload(workload) : new WorkloadSpec();
            return (spec, Artifacts(root));
        }
        catch (JsonException ex)
        {
            throw new WorkloadSpecException($"release.json is not valid JSON: {ex.Message}", ex);
        }
    }

    public static WorkloadSpec ParseWorkload(JsonElement workload)
    {
        if (workload.ValueKind == JsonValueKind.Null)
        {
            return new WorkloadSpec();
        }

        if (workload.ValueKind != JsonValueKind.Object)
        {
            throw new WorkloadSpecException("workload must be a JSON object");
        }

        try
        {
            return workload.Deserialize(WorkloadJsonContext.Default.WorkloadSpec) ?? new WorkloadSpec();
        }
        catch (JsonException ex)
        {
            // The path says where; System.Text.Json's own message names .NET types, which the operator never wrote.
            throw new WorkloadSpecException($"{FieldName(ex.Path)}: {Reason(ex)}", ex);
        }
    }

    private static string FieldName(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "workload" : "workload" + (path.StartsWith("$.", StringComparison.Ordinal) ? path[1..] : path.TrimStart('$'));

    private static string Reason(JsonException ex)
    {
        var message = ex.Message;
        if (message.Contains("could not be mapped", StringComparison.Ordinal) || message.Contains("Unmapped", StringComparison.Ordinal))
        {
            return "unknown field";
        }

        return message.Contains("null", StringComparison.OrdinalIgnoreCase)
            ? "must not be null"
            : "has the wrong type (see docs/workloads.md)";
    }

    private static List<ReleaseArtifact> Artifacts(JsonElement root)
    {
        var artifacts = new List<ReleaseArtifact>();
        if (!root.TryGetProperty("artifacts", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return artifacts;
        }

        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var path = Text(item, "path");
            var name = Text(item, "name") ?? path?[(path.LastIndexOf('/') + 1)..];
            if (!string.IsNullOrEmpty(name))
            {
                artifacts.Add(new ReleaseArtifact(name, Text(item, "kind") ?? "file"));
            }
        }

        return artifacts;
    }

    private static string? Text(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
