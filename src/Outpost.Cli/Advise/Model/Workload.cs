namespace Outpost.Cli.Advise.Model;

/// <summary>The workload file (docs/advise/workload.schema.json). Required numbers default to NaN so
/// validation can tell "absent" from zero without nullable noise in every evaluator.</summary>
/// <remarks>The file-model records use <c>set</c>, not <c>init</c>: the System.Text.Json source generator assigns
/// every init-only property in its object initializer, which would replace these defaults with 0 for absent fields.
/// Evaluators only ever derive copies with <c>with</c>.</remarks>
internal sealed record Workload
{
    public string Name { get; set; } = "workload";
    public string? Description { get; set; }
    public LatencySpec Latency { get; set; } = new();
    public DeviceSpec Device { get; set; } = new();
    public IReadOnlyList<SiteSpec> Sites { get; set; } = [];
    public OfflineSpec Offline { get; set; } = new();
    public SovereigntySpec Sovereignty { get; set; } = new();
    public OpsSpec Ops { get; set; } = new();
    public BudgetSpec Budget { get; set; } = new();
    public PriceOverrides Prices { get; set; } = new();
    public AnalysisSpec Analysis { get; set; } = new();
}
