using System.Runtime.Versioning;
using System.Text.Json;
using System.Text.Json.Serialization;
using Outpost.Sim.Reporting;

namespace Outpost.Cli.Sim;

/// <summary><c>outpost sim --json</c>: the timeline and the summary, camelCase like the API.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SimReport))]
[SupportedOSPlatform("linux")]
internal sealed partial class SimJsonContext : JsonSerializerContext;
