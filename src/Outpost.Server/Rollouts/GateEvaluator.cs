using System.Globalization;
using Outpost.Protocol.Rollouts;
using Outpost.Server.Telemetry;

namespace Outpost.Server.Rollouts;

/// <summary>The rollout gates: failure ratio over the finished devices, workload metrics over the bake window.</summary>
internal sealed class GateEvaluator(IWorkloadMetricsReader metrics)
{
    public const string FailureRatioGate = "failureRatio";

    public static GateResult FailureRatio(RolloutSpec spec, IReadOnlyCollection<RolloutMember> members, bool phaseFinished, DateTimeOffset now)
    {
        var updated = members.Count(m => m.State == RolloutDeviceState.Updated);
        var failed = members.Where(m => m.State == RolloutDeviceState.Failed).ToList();
        var sample = updated + failed.Count;
        double? ratio = sample == 0 ? null : (double)failed.Count / sample;
        // Too few finished devices say nothing yet, unless the phase is over: then what there is must do.
        var judged = ratio is not null && (sample >= spec.Gates.MinSample || phaseFinished);
        var threshold = FailureRatioThreshold(spec.Gates);
        var passed = judged ? ratio <= spec.Gates.MaxFailureRatio : (bool?)null;
        var view = new RolloutGateView { Gate = FailureRatioGate, Value = ratio, Threshold = threshold, Passed = passed, Sample = sample, At = now };
        var evidence = new RolloutEvidence
        {
            Gate = FailureRatioGate, Value = ratio, Threshold = threshold, Sample = sample,
            DeviceIds = [.. failed.Select(m => m.DeviceId)],
            Causes = failed.ToDictionary(m => m.DeviceId, m => m.Cause ?? "unknown", StringComparer.Ordinal),
        };
        return new GateResult(view, evidence);
    }

    /// <summary>Each metric gate over [<paramref name="from"/>, <paramref name="to"/>): updated cohort against bounds or the control cohort.</summary>
    public async Task<IReadOnlyList<GateResult>> MetricsAsync(
        RolloutSpec spec, IReadOnlyCollection<RolloutMember> members, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var updated = members.Where(m => m.State == RolloutDeviceState.Updated).Select(m => m.DeviceId).ToList();
        var control = members.Where(m => m.State == RolloutDeviceState.Waiting).Select(m => m.DeviceId).ToList();
        var results = new List<GateResult>();
        foreach (var gate in spec.Gates.Metrics)
        {
            var value = await MeanOfMeansAsync(gate.Metric, updated, from, to, cancellationToken);
            var relative = gate.MaxRegressionRatio is not null;
            (double? Mean, int Devices)? controlValue = relative ? await MeanOfMeansAsync(gate.Metric, control, from, to, cancellationToken) : null;
            var threshold = Threshold(gate);
            // Not judged (null) without data: no updated device reported it, or a relative gate has no control cohort left.
            bool? passed = null;
            if (value.Mean is { } mean)
            {
                if (gate.Min is not null || gate.Max is not null)
                {
                    passed = !(mean < gate.Min || mean > gate.Max);
                }

                if (relative && controlValue?.Mean is { } c)
                {
                    passed = (passed ?? true) && Regression(gate.Direction ?? MetricDirection.HigherIsBetter, mean, c) <= gate.MaxRegressionRatio;
                }
            }

            var name = $"metric:{gate.Metric}";
            results.Add(new GateResult(
                new RolloutGateView
                {
                    Gate = name, Value = value.Mean, Control = controlValue?.Mean, Threshold = threshold, Passed = passed, Sample = value.Devices, At = to,
                },
                new RolloutEvidence
                {
                    Gate = name, Metric = gate.Metric, Value = value.Mean, Control = controlValue?.Mean, Threshold = threshold, Sample = value.Devices,
                    DeviceIds = updated,
                }));
        }

        return results;
    }

    /// <summary>How much worse the updated cohort is than control, as a ratio of control (0.3 = 30% worse; negative = better).</summary>
    public static double Regression(MetricDirection direction, double updated, double control)
    {
        var worse = direction == MetricDirection.HigherIsBetter ? control - updated : updated - control;
        if (control == 0)
        {
            return worse > 0 ? double.PositiveInfinity : 0;
        }

        return worse / Math.Abs(control);
    }

    private async Task<(double? Mean, int Devices)> MeanOfMeansAsync(
        string metric, List<string> devices, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (devices.Count == 0 || to <= from)
        {
            return (null, 0);
        }

        // Mean of device means: a chatty device must not outweigh a quiet one.
        var means = await metrics.MeanByDeviceAsync(metric, devices, from, to, cancellationToken);
        return means.Count == 0 ? (null, 0) : (means.Values.Average(), means.Count);
    }

    /// <summary>The failure-ratio gate's bound as shown to people, e.g. <c>&lt;= 0.1 (min sample 5)</c>.</summary>
    public static string FailureRatioThreshold(RolloutGates gates) => $"<= {Format(gates.MaxFailureRatio)} (min sample {gates.MinSample})";

    /// <summary>A metric gate's bounds as shown to people, e.g. <c>&gt;= 25, at most 20% lower than control</c>.</summary>
    public static string Threshold(MetricGate gate)
    {
        var parts = new List<string>();
        if (gate.Min is { } min)
        {
            parts.Add($">= {Format(min)}");
        }

        if (gate.Max is { } max)
        {
            parts.Add($"<= {Format(max)}");
        }

        if (gate.MaxRegressionRatio is { } ratio)
        {
            var direction = gate.Direction == MetricDirection.LowerIsBetter ? "higher" : "lower";
            parts.Add($"at most {Format(ratio * 100)}% {direction} than control");
        }

        return string.Join(", ", parts);
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
