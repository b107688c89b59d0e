using Microsoft.Extensions.Options;

namespace Outpost.Server.Alerts.Rules;

/// <summary>A rollout is halted (a gate failed): one alert per rollout until it is resumed or cancelled.</summary>
internal sealed class RolloutHaltedRule(IOptions<AlertsOptions> options, IHaltedRolloutsReader rollouts) : IAlertRule
{
    public string Name => "rollout-halted";

    public string AlertName => "OutpostRolloutHalted";

    public string Severity => "warning";

    public AlertRuleOptions Options => options.Value.Rules.RolloutHalted;

    public async Task<IReadOnlyList<AlertCondition>> EvaluateAsync(AlertContext context, CancellationToken cancellationToken)
    {
        var halted = await rollouts.ListHaltedAsync(cancellationToken);
        return [.. halted.Select(r => new AlertCondition(
            null,
            new Dictionary<string, string>(StringComparer.Ordinal) { ["rollout"] = r.RolloutId, ["release"] = r.Release },
            $"Rollout {r.RolloutId} of {r.Release} is halted",
            $"Halted {r.HaltedAt:u}: {r.Reason}"))];
    }
}
