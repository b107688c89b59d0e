using Outpost.Cli.Advise.Model;

namespace Outpost.Cli.Advise.Evaluation;

/// <summary>Anti-signal: the team has no time or lacks the Linux and networking skills a device fleet needs.</summary>
internal static class LimitedOpsTeamSignal
{
    public const string Id = "limited-ops-team";
    public static readonly IReadOnlyList<string> RequiredSkills = ["linux", "networking"];

    public static SignalResult Evaluate(ResolvedWorkload r)
    {
        var ops = r.Workload.Ops;
        var needed = r.TotalDevices * ops.EdgeHoursPerDevicePerMonth;
        var missing = RequiredSkills.Where(s => !ops.Skills.Contains(s, StringComparer.OrdinalIgnoreCase)).ToList();
        var problems = new List<string>();
        if (ops.Engineers == 0)
        {
            problems.Add("no engineer is assigned (ops.engineers: 0)");
        }

        var hours = $"{r.TotalDevices} devices x {Fmt.N(ops.EdgeHoursPerDevicePerMonth)} h/month = {Fmt.N(needed)} h/month";
        if (needed > ops.AvailableHoursPerMonth)
        {
            problems.Add($"{hours} > {Fmt.N(ops.AvailableHoursPerMonth)} h/month available");
        }

        if (missing.Count > 0)
        {
            problems.Add($"missing skills: {string.Join(", ", missing)}");
        }

        var met = problems.Count > 0;
        var text = met
            ? "The ops team is limited: " + string.Join("; ", problems) + "."
            : $"The team can run the fleet: {hours} <= {Fmt.N(ops.AvailableHoursPerMonth)} h/month available, with {string.Join(" and ", RequiredSkills)} skills.";
        return new SignalResult
        {
            Id = Id,
            Title = "Limited ops team",
            Met = met,
            Explanation = text,
            Numbers = new Dictionary<string, double>
            {
                ["engineers"] = ops.Engineers,
                ["neededHoursPerMonth"] = needed,
                ["availableHoursPerMonth"] = ops.AvailableHoursPerMonth,
                ["missingSkills"] = missing.Count,
            },
        };
    }
}
