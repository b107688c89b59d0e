using System.Runtime.Versioning;
using Outpost.Sim.Reporting;

namespace Outpost.Cli.Sim;

/// <summary>The JSON document of <c>outpost sim --json</c>.</summary>
[SupportedOSPlatform("linux")]
internal sealed record SimReport
{
    public required IReadOnlyList<SimTimelineEntry> Timeline { get; init; }

    public required SimSummary Summary { get; init; }
}
