using Microsoft.Extensions.Options;

namespace Outpost.Server.Alerts.Rules;

/// <summary>A mount of the device's latest system snapshot is fuller than <see cref="DiskFullRuleOptions.UsedRatio"/>.</summary>
internal sealed class DiskFullRule(IOptions<AlertsOptions> options) : IAlertRule
{
    private DiskFullRuleOptions Rule => options.Value.Rules.DiskFull;

    public string Name => "disk-full";

    public string AlertName => "OutpostDiskFull";

    public string Severity => "critical";

    public AlertRuleOptions Options => Rule;

    public Task<IReadOnlyList<AlertCondition>> EvaluateAsync(AlertContext context, CancellationToken cancellationToken)
    {
        var conditions = new List<AlertCondition>();
        foreach (var device in context.Devices)
        {
            foreach (var disk in device.System?.Disks ?? [])
            {
                if (disk.TotalBytes <= 0)
                {
                    continue;
                }

                var used = (double)(disk.TotalBytes - disk.FreeBytes) / disk.TotalBytes;
                if (used > Rule.UsedRatio)
                {
                    var labels = AlertCondition.DeviceLabels(device);
                    labels["mount"] = disk.Mount;
                    conditions.Add(new AlertCondition(
                        device.Id, labels,
                        $"Disk {disk.Mount} on {device.Name} is {AlertText.Percent(used)} full",
                        $"{disk.FreeBytes} bytes free of {disk.TotalBytes}; threshold {AlertText.Percent(Rule.UsedRatio)}."));
                }
            }
        }

        return Task.FromResult<IReadOnlyList<AlertCondition>>(conditions);
    }
}
