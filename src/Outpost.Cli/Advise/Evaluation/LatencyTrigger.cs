using Outpost.Cli.Advise.Model;

namespace Outpost.Cli.Advise.Evaluation;

/// <summary>Incompressible latency: the cloud path at p99 (RTT p99 + cloud inference) exceeds the decision SLA.</summary>
internal static class LatencyTrigger
{
    public const string Id = "latency";

    public static SignalResult Evaluate(ResolvedWorkload r)
    {
        var l = r.Workload.Latency;
        var p99 = l.Network.RttP99Ms + l.CloudInferenceMs;
        var p50 = l.Network.RttP50Ms + l.CloudInferenceMs;
        var met = l.SlaMs < p99;
        var path = $"RTT p99 {Fmt.Ms(l.Network.RttP99Ms)} + cloud inference {Fmt.Ms(l.CloudInferenceMs)} = {Fmt.Ms(p99)}";
        var edge = r.EdgeInferenceMs <= l.SlaMs
            ? $"the edge takes {Fmt.Ms(r.EdgeInferenceMs)} on the {r.DeviceName}"
            : $"the edge ({Fmt.Ms(r.EdgeInferenceMs)} on the {r.DeviceName}) cannot meet it either";
        var text = met
            ? $"SLA {Fmt.Ms(l.SlaMs)} < {path}: the cloud cannot meet it; {edge}."
            : $"{path} <= SLA {Fmt.Ms(l.SlaMs)}: the cloud meets it ({Fmt.Ms(p50)} at p50).";
        return new SignalResult
        {
            Id = Id,
            Title = "Incompressible latency",
            Met = met,
            Explanation = text,
            Numbers = new Dictionary<string, double>
            {
                ["slaMs"] = l.SlaMs,
                ["rttP50Ms"] = l.Network.RttP50Ms,
                ["rttP99Ms"] = l.Network.RttP99Ms,
                ["jitterMs"] = l.Network.JitterMs,
                ["cloudInferenceMs"] = l.CloudInferenceMs,
                ["cloudPathP50Ms"] = p50,
                ["cloudPathP99Ms"] = p99,
                ["edgeInferenceMs"] = r.EdgeInferenceMs,
            },
        };
    }
}
