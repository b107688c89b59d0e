using Microsoft.Extensions.Options;

namespace Outpost.Server.Alerts.Rules;

/// <summary>A device's outbox dropped telemetry (quota or TTL) within the window: data is being lost on that channel.</summary>
internal sealed class OutboxDroppingRule(IOptions<AlertsOptions> options, ITelemetryDropsReader drops) : IAlertRule
{
    private OutboxDroppingRuleOptions Rule => options.Value.Rules.OutboxDropping;

    public string Name => "outbox-dropping";

    public string AlertName => "OutpostOutboxDropping";

    public string Severity => "warning";

    public AlertRuleOptions Options => Rule;

    public async Task<IReadOnlyList<AlertCondition>> EvaluateAsync(AlertContext context, CancellationToken cancellationToken)
    {
        var devices = context.Devices.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var conditions = new List<AlertCondition>();
        foreach (var drop in await drops.ListIncreasedSinceAsync(context.Now - Rule.Window, cancellationToken))
        {
            if (!devices.TryGetValue(drop.DeviceId, out var device))
            {
                continue; // Revoked or unknown: out of the fleet.
            }

            var labels = AlertCondition.DeviceLabels(device);
            labels["channel"] = drop.Channel.ToLowerInvariant();
            conditions.Add(new AlertCondition(
                device.Id, labels,
                $"Outbox of {device.Name} is dropping {drop.Channel.ToLowerInvariant()} data",
                $"{drop.Records} records ({drop.Bytes} bytes) dropped in total, last increase {drop.LastIncreasedAt:u}."));
        }

        return conditions;
    }
}
