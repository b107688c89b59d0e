using System.Text.Json.Serialization;
using Outpost.Cli.Advise.Catalog;
using Outpost.Cli.Advise.Model;

namespace Outpost.Cli.Advise;

/// <summary>Source-generated JSON for the workload file (strict: unknown fields are errors), the catalog and the report.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    WriteIndented = true)]
[JsonSerializable(typeof(Workload))]
[JsonSerializable(typeof(DeviceCatalog))]
[JsonSerializable(typeof(AdviceReport))]
internal sealed partial class AdviseJsonContext : JsonSerializerContext;
