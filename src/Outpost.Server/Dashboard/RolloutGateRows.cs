using Outpost.Protocol.Rollouts;
using Outpost.Server.Dashboard.Views;
using Outpost.Server.Rollouts;

namespace Outpost.Server.Dashboard;

/// <summary>
/// Every gate of a rollout's spec (failure ratio first, then each metric gate) joined with its latest evaluation from
/// <see cref="RolloutView.Gates"/>, so a gate not judged yet still shows its threshold.
/// </summary>
internal static class RolloutGateRows
{
    public static IReadOnlyList<RolloutGateRow> Build(RolloutView rollout)
    {
        var latest = rollout.Gates.ToDictionary(g => g.Gate, StringComparer.Ordinal);
        var rows = new List<RolloutGateRow>
        {
            Row(
                GateEvaluator.FailureRatioGate, "failed ÷ (updated + failed) devices", "absolute, over the rollout's finished devices so far",
                GateEvaluator.FailureRatioThreshold(rollout.Spec.Gates), latest),
        };
        foreach (var gate in rollout.Spec.Gates.Metrics)
        {
            rows.Add(Row($"metric:{gate.Metric}", gate.Metric, Comparison(gate), GateEvaluator.Threshold(gate), latest));
        }

        // A gate judged under an older spec shape still shows rather than vanishing.
        rows.AddRange(latest.Values.Where(g => rows.TrueForAll(r => r.Gate != g.Gate)).Select(g => Row(g.Gate, g.Gate, "", g.Threshold, latest)));
        return rows;
    }

    private static RolloutGateRow Row(string gate, string metric, string comparison, string threshold, Dictionary<string, RolloutGateView> latest) =>
        latest.TryGetValue(gate, out var view)
            ? new RolloutGateRow
            {
                Gate = gate, Metric = metric, Comparison = comparison, Threshold = view.Threshold, Value = view.Value, Control = view.Control,
                Sample = view.Sample, Passed = view.Passed, Evaluated = true, At = view.At,
            }
            : new RolloutGateRow { Gate = gate, Metric = metric, Comparison = comparison, Threshold = threshold };

    private static string Comparison(MetricGate gate)
    {
        var parts = new List<string>();
        if (gate.Min is not null || gate.Max is not null)
        {
            parts.Add("updated cohort's mean against absolute bounds");
        }

        if (gate.MaxRegressionRatio is not null)
        {
            var better = gate.Direction == MetricDirection.LowerIsBetter ? "lower" : "higher";
            parts.Add($"updated cohort against the control cohort ({better} is better)");
        }

        return string.Join("; ", parts);
    }
}
