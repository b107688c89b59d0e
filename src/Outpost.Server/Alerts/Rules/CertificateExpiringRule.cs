using Microsoft.Extensions.Options;

namespace Outpost.Server.Alerts.Rules;

/// <summary>The device certificate expires within <see cref="CertificateExpiringRuleOptions.Within"/>: its renewal is not happening.</summary>
internal sealed class CertificateExpiringRule(IOptions<AlertsOptions> options) : IAlertRule
{
    private CertificateExpiringRuleOptions Rule => options.Value.Rules.CertificateExpiring;

    public string Name => "certificate-expiring";

    public string AlertName => "OutpostCertificateExpiring";

    public string Severity => "warning";

    public AlertRuleOptions Options => Rule;

    public Task<IReadOnlyList<AlertCondition>> EvaluateAsync(AlertContext context, CancellationToken cancellationToken)
    {
        var conditions = new List<AlertCondition>();
        foreach (var device in context.Devices)
        {
            var left = device.CertificateNotAfter - context.Now;
            if (left < Rule.Within)
            {
                var when = left <= TimeSpan.Zero ? $"expired {AlertText.Ago(-left)} ago" : $"expires in {AlertText.Ago(left)}";
                conditions.Add(new AlertCondition(
                    device.Id, AlertCondition.DeviceLabels(device),
                    $"Certificate of {device.Name} {when}",
                    $"Not after {device.CertificateNotAfter:u}; a device with an expired certificate can no longer check in."));
            }
        }

        return Task.FromResult<IReadOnlyList<AlertCondition>>(conditions);
    }
}
