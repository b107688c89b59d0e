using System.Text.Json;
using System.Text.Json.Serialization;

namespace Outpost.Cli.Config;

/// <summary>The CLI's own files (not wire data, which lives in OutpostJsonContext).</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CliConfig))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
