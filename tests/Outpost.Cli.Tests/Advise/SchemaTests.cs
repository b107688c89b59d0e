using System.Text.Json;
using Outpost.Cli.Advise;
using Outpost.Cli.Advise.Model;

namespace Outpost.Cli.Tests.Advise;

/// <summary>docs/advise/workload.schema.json lists exactly the fields the loader accepts.</summary>
public sealed class SchemaTests
{
    public static TheoryData<string, Type> Definitions => new()
    {
        { string.Empty, typeof(Workload) },
        { "latency", typeof(LatencySpec) },
        { "network", typeof(NetworkSpec) },
        { "device", typeof(DeviceSpec) },
        { "site", typeof(SiteSpec) },
        { "source", typeof(SourceSpec) },
        { "link", typeof(LinkSpec) },
        { "offline", typeof(OfflineSpec) },
        { "sovereignty", typeof(SovereigntySpec) },
        { "ops", typeof(OpsSpec) },
        { "budget", typeof(BudgetSpec) },
        { "prices", typeof(PriceOverrides) },
        { "analysis", typeof(AnalysisSpec) },
    };

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Schema_Definition_MatchesModelProperties(string definition, Type type)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "advise", "workload.schema.json")));
        var node = definition.Length == 0 ? doc.RootElement : doc.RootElement.GetProperty("$defs").GetProperty(definition);
        Assert.False(node.GetProperty("additionalProperties").GetBoolean());
        var inSchema = node.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order().ToList();
        var inModel = AdviseJsonContext.Default.GetTypeInfo(type)!.Properties.Select(p => p.Name).Order().ToList();
        Assert.Equal(inModel, inSchema);
    }
}
