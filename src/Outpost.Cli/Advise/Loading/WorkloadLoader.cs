using System.Text.Json;
using Outpost.Cli.Advise.Catalog;
using Outpost.Cli.Advise.Model;

namespace Outpost.Cli.Advise.Loading;

/// <summary>YAML (or JSON, a YAML subset) text → validated, catalog-resolved workload.</summary>
internal static class WorkloadLoader
{
    public static ResolvedWorkload LoadFile(string path, DeviceCatalog catalog)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AdviseInputException(path, ex.Message);
        }

        return Load(text, Path.GetFileName(path), catalog);
    }

    public static ResolvedWorkload Load(string yaml, string fileLabel, DeviceCatalog catalog)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var workload = Parse(yaml, fileLabel, lines);
        try
        {
            WorkloadValidator.Validate(workload);
            return WorkloadResolver.Resolve(workload, catalog);
        }
        catch (AdviseInputException ex) when (lines.TryGetValue(ex.Field, out var line))
        {
            throw new AdviseInputException(ex.Field, $"{ex.Reason} (line {line})");
        }
    }

    public static Workload Parse(string yaml, string fileLabel, Dictionary<string, int> lines)
    {
        var node = YamlToJson.Convert(yaml, fileLabel, lines);
        if (node is not System.Text.Json.Nodes.JsonObject)
        {
            throw new AdviseInputException(fileLabel, "the top level must be a mapping (name:, latency:, device:, sites: ...)");
        }

        try
        {
            return node.Deserialize(AdviseJsonContext.Default.Workload)
                ?? throw new AdviseInputException(fileLabel, "the file is empty");
        }
        catch (JsonException ex)
        {
            throw Describe(ex, lines);
        }
    }

    private static AdviseInputException Describe(JsonException ex, Dictionary<string, int> lines)
    {
        var path = (ex.Path ?? "$").TrimStart('$').TrimStart('.');
        var message = ex.Message;
        string reason;

        // STJ reports an unmapped member as "The JSON property 'x' could not be mapped..." with the path of the member itself.
        var unknown = message.IndexOf("The JSON property '", StringComparison.Ordinal);
        if (unknown >= 0)
        {
            var start = unknown + "The JSON property '".Length;
            var name = message[start..message.IndexOf('\'', start)];
            if (!path.EndsWith(name, StringComparison.Ordinal))
            {
                path = path.Length == 0 ? name : $"{path}.{name}";
            }

            reason = "unknown field";
        }
        else if (message.Contains("could not be converted to", StringComparison.Ordinal))
        {
            reason = $"wrong type, expected {ExpectedType(message)}";
        }
        else
        {
            reason = "invalid value";
        }

        if (path.Length == 0)
        {
            path = "workload";
        }

        var line = lines.TryGetValue(path, out var l) ? $" (line {l})" : string.Empty;
        return new AdviseInputException(path, reason + line);
    }

    private static string ExpectedType(string message) => message switch
    {
        _ when message.Contains("System.Double", StringComparison.Ordinal) => "a number",
        _ when message.Contains("System.Int32", StringComparison.Ordinal) => "a whole number",
        _ when message.Contains("System.Boolean", StringComparison.Ordinal) => "true or false",
        _ when message.Contains("System.String", StringComparison.Ordinal) => "text",
        _ when message.Contains("IReadOnlyList", StringComparison.Ordinal) => "a list",
        _ => "a mapping",
    };
}
