using System.Text.Json.Serialization;

namespace Outpost.Server.Alerts;

/// <summary>Labels as stored (labels_json) and the Alertmanager API v2 body.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(IReadOnlyList<PostableAlert>))]
internal sealed partial class AlertsJsonContext : JsonSerializerContext;
