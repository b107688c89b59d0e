using Outpost.Cli.Advise.Model;

namespace Outpost.Cli.Advise.Evaluation;

/// <summary>Anti-signal: decisions that can wait 200 ms or more fit a cloud round trip comfortably.</summary>
internal static class TolerableLatencySignal
{
    public const string Id = "tolerable-latency";
    public const double ThresholdMs = 200;

    public static SignalResult Evaluate(ResolvedWorkload r)
    {
        var l = r.Workload.Latency;
        var p99 = l.Network.RttP99Ms + l.CloudInferenceMs;
        var met = l.SlaMs >= ThresholdMs && p99 <= l.SlaMs;
        var text = met
            ? $"SLA {Fmt.Ms(l.SlaMs)} >= {Fmt.Ms(ThresholdMs)}: the cloud path ({Fmt.Ms(p99)} at p99) fits with {Fmt.Ms(l.SlaMs - p99)} to spare."
            : l.SlaMs < ThresholdMs
                ? $"SLA {Fmt.Ms(l.SlaMs)} < {Fmt.Ms(ThresholdMs)}: latency is not relaxed enough to ignore."
                : $"SLA {Fmt.Ms(l.SlaMs)} is relaxed, but the cloud path takes {Fmt.Ms(p99)} at p99.";
        return new SignalResult
        {
            Id = Id,
            Title = "Tolerable latency",
            Met = met,
            Explanation = text,
            Numbers = new Dictionary<string, double> { ["slaMs"] = l.SlaMs, ["thresholdMs"] = ThresholdMs, ["cloudPathP99Ms"] = p99 },
        };
    }
}
