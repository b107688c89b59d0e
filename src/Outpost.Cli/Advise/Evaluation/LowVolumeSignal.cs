using Outpost.Cli.Advise.Model;

namespace Outpost.Cli.Advise.Evaluation;

/// <summary>Anti-signal: fewer than about 20 devices do not repay OTA and observability infrastructure.</summary>
internal static class LowVolumeSignal
{
    public const string Id = "low-volume";
    public const int MinDevices = 20;

    public static SignalResult Evaluate(ResolvedWorkload r)
    {
        var n = r.TotalDevices;
        var met = n < MinDevices;
        var text = met
            ? $"{n} devices < {MinDevices}: too few to repay the OTA and observability infrastructure a fleet needs."
            : $"{n} devices >= {MinDevices}: enough to share the cost of fleet infrastructure.";
        return new SignalResult
        {
            Id = Id,
            Title = "Low volume",
            Met = met,
            Explanation = text,
            Numbers = new Dictionary<string, double> { ["devices"] = n, ["sites"] = r.TotalSites, ["threshold"] = MinDevices },
        };
    }
}
