using System.Text.Json;
using System.Text.Json.Serialization;

namespace Outpost.Agent.LocalApi;

/// <summary>Source-generated JSON of the local API (NativeAOT). Unknown properties are errors, so a typo is a 400 naming it.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(WorkloadEvent))]
[JsonSerializable(typeof(List<WorkloadEvent>))]
[JsonSerializable(typeof(WorkloadMetric))]
[JsonSerializable(typeof(List<WorkloadMetric>))]
[JsonSerializable(typeof(WorkloadLog))]
[JsonSerializable(typeof(List<WorkloadLog>))]
[JsonSerializable(typeof(AcceptedResponse))]
[JsonSerializable(typeof(ReleaseInfo))]
[JsonSerializable(typeof(LocalProblem))]
internal sealed partial class LocalApiJsonContext : JsonSerializerContext;
