using System.Text.RegularExpressions;
using Outpost.Protocol.Releases;
using Outpost.Protocol.Rollouts;

namespace Outpost.Server.Rollouts;

/// <summary>Checks a spec field by field; the first problem found is reported with its field path (docs/schemas/rollout.schema.json).</summary>
internal static partial class RolloutSpecValidator
{
    private const int MaxPhases = 20;

    public static SpecError? Validate(RolloutSpec spec, IReadOnlyList<ReleaseView> signedReleases, IReadOnlyList<string> knownMetrics) =>
        Release(spec.Release, signedReleases) ?? Target(spec.Target) ?? Phases(spec) ?? Scalars(spec) ?? Gates(spec.Gates, knownMetrics);

    private static SpecError? Release(string release, IReadOnlyList<ReleaseView> signed)
    {
        var match = ReleaseId().Match(release);
        if (!match.Success)
        {
            return new("release", "release must be NAME@VERSION (NAME [a-z0-9][a-z0-9._-]{0,63}, VERSION [0-9A-Za-z.+-]{1,64}).");
        }

        return signed.Any(r => r.Name == match.Groups["name"].Value && r.Version == match.Groups["version"].Value)
            ? null
            : new("release", $"release {release} is not in the current signed targets metadata (push it first: outpost release push).");
    }

    private static SpecError? Target(RolloutTarget target)
    {
        if (target.Tags.Count == 0 && target.Sites.Count == 0 && target.Devices.Count == 0 && string.IsNullOrWhiteSpace(target.DeviceClass))
        {
            return new("target", "target is empty: give tags, sites, deviceClass or devices (a rollout never targets the whole fleet by accident).");
        }

        foreach (var (name, values) in new[] { ("tags", target.Tags), ("sites", target.Sites), ("devices", target.Devices) })
        {
            var blank = values.ToList().FindIndex(string.IsNullOrWhiteSpace);
            if (blank >= 0)
            {
                return new($"target.{name}[{blank}]", $"target.{name}[{blank}] must not be empty.");
            }
        }

        return null;
    }

    private static SpecError? Phases(RolloutSpec spec)
    {
        if (spec.Phases is not { } phases)
        {
            return null;
        }

        if (phases.Count is 0 or > MaxPhases)
        {
            return new("phases", $"phases must list 1 to {MaxPhases} phases (omit it for 5% → 25% → 100%).");
        }

        double lastPercent = 0;
        var lastCount = 0;
        for (var i = 0; i < phases.Count; i++)
        {
            var phase = phases[i];
            var field = $"phases[{i}]";
            if ((phase.Percent is null) == (phase.Count is null))
            {
                return new(field, $"{field} must give exactly one of percent or count.");
            }

            if (phase.Percent is { } percent)
            {
                if (!(percent > 0 && percent <= 100))
                {
                    return new($"{field}.percent", $"{field}.percent must be greater than 0 and at most 100.");
                }

                if (percent <= lastPercent)
                {
                    return new($"{field}.percent", $"{field}.percent must be greater than the previous phase's ({lastPercent}): phases are cumulative.");
                }

                lastPercent = percent;
            }

            if (phase.Count is { } count)
            {
                if (count < 1)
                {
                    return new($"{field}.count", $"{field}.count must be at least 1.");
                }

                if (count <= lastCount)
                {
                    return new($"{field}.count", $"{field}.count must be greater than the previous phase's ({lastCount}): phases are cumulative.");
                }

                lastCount = count;
            }

            if (phase.BakeTime is not null && !RolloutDuration.TryParse(phase.BakeTime, out _))
            {
                return new($"{field}.bakeTime", $"{field}.bakeTime must be a non-negative duration such as 0, 90s, 10m, 1h30m or 2d.");
            }
        }

        return null;
    }

    private static SpecError? Scalars(RolloutSpec spec)
    {
        if (!RolloutDuration.TryParse(spec.BakeTime, out _))
        {
            return new("bakeTime", "bakeTime must be a non-negative duration such as 0, 90s, 10m, 1h30m or 2d.");
        }

        if (!RolloutDuration.TryParse(spec.DeviceTimeout, out var timeout) || timeout <= TimeSpan.Zero)
        {
            return new("deviceTimeout", "deviceTimeout must be a positive duration such as 10m, 1h or 2d.");
        }

        return spec.MaxConcurrentPerSite is < 1
            ? new("maxConcurrentPerSite", "maxConcurrentPerSite must be at least 1 (omit it for no limit).")
            : null;
    }

    private static SpecError? Gates(RolloutGates gates, IReadOnlyList<string> knownMetrics)
    {
        if (!(gates.MaxFailureRatio is >= 0 and <= 1))
        {
            return new("gates.maxFailureRatio", "gates.maxFailureRatio must be between 0 and 1.");
        }

        if (gates.MinSample < 1)
        {
            return new("gates.minSample", "gates.minSample must be at least 1.");
        }

        for (var i = 0; i < gates.Metrics.Count; i++)
        {
            var gate = gates.Metrics[i];
            var field = $"gates.metrics[{i}]";
            if (!knownMetrics.Contains(gate.Metric, StringComparer.Ordinal))
            {
                return new($"{field}.metric", $"{field}.metric '{gate.Metric}' is not a known metric (Outpost:Rollouts:KnownMetrics): {string.Join(", ", knownMetrics)}.");
            }

            if (gate.Min is null && gate.Max is null && gate.MaxRegressionRatio is null)
            {
                return new(field, $"{field} must give min, max or maxRegressionRatio.");
            }

            if (gate.Min is { } min && gate.Max is { } max && min > max)
            {
                return new($"{field}.min", $"{field}.min must not be greater than max.");
            }

            if (gate.MaxRegressionRatio is { } ratio)
            {
                if (!(ratio >= 0) || double.IsInfinity(ratio))
                {
                    return new($"{field}.maxRegressionRatio", $"{field}.maxRegressionRatio must be 0 or more (0.2 = at most 20% worse than control).");
                }

                if (gate.Direction is null)
                {
                    return new($"{field}.direction", $"{field}.direction must be higherIsBetter or lowerIsBetter for a gate against the control cohort.");
                }
            }
        }

        return null;
    }

    [GeneratedRegex("^(?<name>[a-z0-9][a-z0-9._-]{0,63})@(?<version>[0-9A-Za-z.+-]{1,64})$", RegexOptions.CultureInvariant)]
    private static partial Regex ReleaseId();
}
