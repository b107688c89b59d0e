using System.Text.Json;
using System.Text.Json.Serialization;

namespace Outpost.Agent.Identity;

/// <summary>Source-generated JSON for the agent's own files (NativeAOT: no reflection serialization).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(AgentState))]
internal sealed partial class AgentJsonContext : JsonSerializerContext;
