using Microsoft.Extensions.Options;
using Outpost.Protocol.Devices;

namespace Outpost.Server.Alerts.Rules;

/// <summary>The device's latest update report, younger than the window, is RolledBack with cause CrashLoop.</summary>
internal sealed class CrashLoopRule(IOptions<AlertsOptions> options) : IAlertRule
{
    private RecentReportRuleOptions Rule => options.Value.Rules.CrashLoop;

    public string Name => "crash-loop";

    public string AlertName => "OutpostCrashLoop";

    public string Severity => "critical";

    public AlertRuleOptions Options => Rule;

    public Task<IReadOnlyList<AlertCondition>> EvaluateAsync(AlertContext context, CancellationToken cancellationToken)
    {
        var conditions = new List<AlertCondition>();
        foreach (var device in context.Devices)
        {
            if (device.Update is { State: UpdateState.RolledBack, Cause: UpdateFailureCause.CrashLoop } update
                && context.Now - update.At <= Rule.Window)
            {
                var labels = AlertCondition.DeviceLabels(device);
                labels["release"] = update.Release;
                conditions.Add(new AlertCondition(
                    device.Id, labels,
                    $"{update.Release} crash-looped on {device.Name} and was rolled back",
                    update.Detail));
            }
        }

        return Task.FromResult<IReadOnlyList<AlertCondition>>(conditions);
    }
}
