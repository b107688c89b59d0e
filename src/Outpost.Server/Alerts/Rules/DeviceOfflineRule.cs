using Microsoft.Extensions.Options;

namespace Outpost.Server.Alerts.Rules;

/// <summary>A device has not checked in for <see cref="DeviceOfflineRuleOptions.After"/> (never-seen devices count from enrollment).</summary>
internal sealed class DeviceOfflineRule(IOptions<AlertsOptions> options) : IAlertRule
{
    private DeviceOfflineRuleOptions Rule => options.Value.Rules.DeviceOffline;

    public string Name => "device-offline";

    public string AlertName => "OutpostDeviceOffline";

    public string Severity => "critical";

    public AlertRuleOptions Options => Rule;

    public Task<IReadOnlyList<AlertCondition>> EvaluateAsync(AlertContext context, CancellationToken cancellationToken)
    {
        var conditions = new List<AlertCondition>();
        foreach (var device in context.Devices)
        {
            var since = device.LastSeenAt ?? device.EnrolledAt;
            if (context.Now - since > Rule.After)
            {
                var seen = device.LastSeenAt is { } last ? $"last check-in {AlertText.Ago(context.Now - last)} ago" : "never checked in since enrollment";
                conditions.Add(new AlertCondition(
                    device.Id, AlertCondition.DeviceLabels(device),
                    $"Device {device.Name} (site {device.Site}) is offline: {seen}",
                    $"No check-in from {device.Id} for more than {AlertText.Ago(Rule.After)}."));
            }
        }

        return Task.FromResult<IReadOnlyList<AlertCondition>>(conditions);
    }
}
