using System.Text.Json;
using System.Text.Json.Serialization;

namespace Outpost.Agent.Updates.Engine;

/// <summary>Source-generated JSON for the journal (NativeAOT: no reflection serialization).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(UpdateJournal))]
internal sealed partial class EngineJsonContext : JsonSerializerContext;
