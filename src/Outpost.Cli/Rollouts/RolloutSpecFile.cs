using System.Text.Json;
using System.Text.Json.Nodes;
using Outpost.Cli.Advise;
using Outpost.Cli.Advise.Loading;
using Outpost.Protocol;
using Outpost.Protocol.Rollouts;

namespace Outpost.Cli.Rollouts;

/// <summary>
/// Reads a rollout spec from YAML or JSON (JSON is YAML) with the advise command's YAML → JSON conversion, then binds it
/// with the wire contract, so the file and the API share one definition (docs/schemas/rollout.schema.json).
/// </summary>
internal static class RolloutSpecFile
{
    public static RolloutSpec Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read {path}: {ex.Message}", ExitCodes.Usage);
        }

        return Parse(text, Path.GetFileName(path));
    }

    public static RolloutSpec Parse(string text, string label)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        JsonNode? node;
        try
        {
            node = YamlToJson.Convert(text, label, lines);
        }
        catch (AdviseInputException ex)
        {
            throw new CliException($"{label}: {ex.Reason}", ExitCodes.Usage);
        }

        if (node is not JsonObject)
        {
            throw new CliException($"{label}: the top level must be a mapping (release:, target:, phases: ...)", ExitCodes.Usage);
        }

        try
        {
            return node.Deserialize(OutpostJsonContext.Default.RolloutSpec)
                ?? throw new CliException($"{label}: the file is empty", ExitCodes.Usage);
        }
        catch (JsonException ex)
        {
            var field = ex.Path is null or "$" ? Missing(ex.Message) ?? "$" : ex.Path.TrimStart('$', '.');
            var line = lines.TryGetValue(field, out var at) ? $" (line {at})" : "";
            var what = Missing(ex.Message) is not null ? "is required" : "has an invalid value or type";
            throw new CliException($"{label}: {field} {what}{line}", ExitCodes.Usage, ex);
        }
    }

    private static string? Missing(string message)
    {
        const string marker = "missing required properties including: ";
        var at = message.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? null : message[(at + marker.Length)..].Split(',')[0].Trim(' ', '\'', '.');
    }
}
