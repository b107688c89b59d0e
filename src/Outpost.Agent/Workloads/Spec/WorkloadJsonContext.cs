using System.Text.Json;
using System.Text.Json.Serialization;

namespace Outpost.Agent.Workloads.Spec;

/// <summary>
/// Source-generated JSON for the workload spec. Unknown fields are refused (a misspelt "probe" must not silently run a
/// release without its health check) and nulls where the schema has no null are refused too.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(WorkloadSpec))]
internal sealed partial class WorkloadJsonContext : JsonSerializerContext;
