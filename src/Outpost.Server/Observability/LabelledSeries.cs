using Prometheus;

namespace Outpost.Server.Observability;

/// <summary>
/// A collector whose label sets are rebuilt on every scrape: series set in this round stay, series of devices (sites,
/// releases) that went away are removed, so the exposition never carries stale devices.
/// </summary>
internal sealed class LabelledSeries<TChild>(Collector<TChild> collector, Action<TChild, double> set)
    where TChild : ChildBase
{
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);

    public void BeginRound() => seen.Clear();

    public void Set(double value, params string[] labels)
    {
        set(collector.WithLabels(labels), value);
        seen.Add(string.Join('\u001f', labels));
    }

    public void EndRound()
    {
        foreach (var labels in collector.GetAllLabelValues().ToList())
        {
            if (!seen.Contains(string.Join('\u001f', labels)))
            {
                collector.RemoveLabelled(labels);
            }
        }
    }
}
