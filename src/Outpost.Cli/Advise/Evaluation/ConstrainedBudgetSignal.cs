using Outpost.Cli.Advise.Model;

namespace Outpost.Cli.Advise.Evaluation;

/// <summary>Anti-signal: the edge's up-front spend (devices plus OTA/observability setup) exceeds the stated budget.</summary>
internal static class ConstrainedBudgetSignal
{
    public const string Id = "constrained-budget";

    public static SignalResult Evaluate(ResolvedWorkload r)
    {
        var devices = r.TotalDevices * r.DevicePriceUsd;
        var setup = r.Workload.Ops.EdgeSetupHours * r.Prices.OpsHourlyUsd;
        var upfront = devices + setup;
        var budget = r.Workload.Budget.UpfrontUsd;
        var arithmetic = $"{r.TotalDevices} devices x {Fmt.Usd(r.DevicePriceUsd)} + setup {Fmt.N(r.Workload.Ops.EdgeSetupHours)} h x {Fmt.Usd(r.Prices.OpsHourlyUsd)}/h = {Fmt.Usd(upfront)}";
        var met = budget is { } b && upfront > b;
        var text = budget switch
        {
            null => $"No up-front budget is stated (budget.upfrontUsd); the edge needs {arithmetic} up front.",
            _ when met => $"The edge needs {arithmetic} up front > budget {Fmt.Usd(budget.Value)}.",
            _ => $"The edge needs {arithmetic} up front <= budget {Fmt.Usd(budget.Value)}.",
        };
        var numbers = new Dictionary<string, double> { ["edgeUpfrontUsd"] = upfront };
        if (budget is { } value)
        {
            numbers["budgetUpfrontUsd"] = value;
        }

        return new SignalResult { Id = Id, Title = "Constrained budget", Met = met, Explanation = text, Numbers = numbers };
    }
}
