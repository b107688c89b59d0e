using Microsoft.Extensions.Options;
using Outpost.Protocol.Devices;

namespace Outpost.Server.Alerts.Rules;

/// <summary>The device's latest update report, younger than the window, says its desired release was rolled back or failed.</summary>
internal sealed class BadVersionRule(IOptions<AlertsOptions> options) : IAlertRule
{
    private RecentReportRuleOptions Rule => options.Value.Rules.BadVersion;

    public string Name => "bad-version";

    public string AlertName => "OutpostBadVersion";

    public string Severity => "warning";

    public AlertRuleOptions Options => Rule;

    public Task<IReadOnlyList<AlertCondition>> EvaluateAsync(AlertContext context, CancellationToken cancellationToken)
    {
        var conditions = new List<AlertCondition>();
        foreach (var device in context.Devices)
        {
            if (device.Update is { State: UpdateState.RolledBack or UpdateState.Failed } update && context.Now - update.At <= Rule.Window)
            {
                var labels = AlertCondition.DeviceLabels(device);
                labels["release"] = update.Release;
                var state = update.State == UpdateState.RolledBack ? "was rolled back" : "failed";
                var cause = update.Cause is { } c ? $" ({c})" : "";
                conditions.Add(new AlertCondition(
                    device.Id, labels, $"{update.Release} {state} on {device.Name}{cause}", update.Detail));
            }
        }

        return Task.FromResult<IReadOnlyList<AlertCondition>>(conditions);
    }
}
