using System.Text.Json;
using System.Text.Json.Serialization;

namespace Outpost.Cli.Releases;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(StagedRelease))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonObject))]
internal sealed partial class ReleasesJsonContext : JsonSerializerContext;
