using Outpost.Cli.Advise.Costs;
using Outpost.Cli.Advise.Evaluation;
using Outpost.Cli.Advise.Sensitivity;

namespace Outpost.Cli.Advise;

/// <summary>The whole answer, as rendered to text, JSON, Markdown and HTML.</summary>
internal sealed record AdviceReport
{
    public required string Workload { get; init; }
    public string? Description { get; init; }
    public required DeviceSummary Device { get; init; }
    public required int Sites { get; init; }
    public required int Devices { get; init; }
    public required Recommendation Recommendation { get; init; }
    public required IReadOnlyList<SignalResult> Triggers { get; init; }
    public required IReadOnlyList<SignalResult> AntiSignals { get; init; }
    public required TcoResult Tco { get; init; }
    public required EgressSaving EgressSaving { get; init; }
    public required SensitivityResult Sensitivity { get; init; }
    public required PriceBook Prices { get; init; }

    /// <summary>Prices that came from the built-in defaults rather than the workload file: the user should set them.</summary>
    public required IReadOnlyList<string> DefaultedPrices { get; init; }

    /// <summary>Claims that look implausible against the device catalog (see <see cref="ClaimChecks"/>).</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
}
