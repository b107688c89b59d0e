using Microsoft.Extensions.Options;
using Outpost.Protocol.Alerts;
using Outpost.Server.Devices;
using Outpost.Server.Security;

namespace Outpost.Server.Alerts;

/// <summary>
/// One evaluation round: every rule's current conditions against the firing rows. A condition fires once it held
/// for the rule's <c>For</c> (pending times live in memory, like Prometheus: a restart restarts them); a firing
/// alert whose condition is gone is resolved. A rule that fails keeps its alerts as they are until it works again.
/// </summary>
internal sealed class AlertEvaluator(
    IEnumerable<IAlertRule> rules,
    AlertDeviceReader devices,
    IAlertStore store,
    CheckInWriteBehind checkIns,
    AlertLinks links,
    AlertDeliverySignal delivery,
    IOptions<AlertsOptions> options,
    TimeProvider time,
    ILogger<AlertEvaluator> logger) : IDisposable
{
    private readonly IReadOnlyList<IAlertRule> rules = [.. rules];
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<string, DateTimeOffset> pendingSince = new(StringComparer.Ordinal);

    public async Task<AlertChanges> EvaluateAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await EvaluateCoreAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<AlertChanges> EvaluateCoreAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // Offline and snapshot rules read last_seen_at and system_json: a check-in still in the buffer counts.
        await checkIns.FlushAsync(cancellationToken);
        var context = new AlertContext(now, await devices.ReadAsync(cancellationToken));
        var firing = (await store.ListFiringAsync(cancellationToken)).ToDictionary(a => a.Fingerprint, StringComparer.Ordinal);
        var fired = new List<AlertRecord>();
        var stillFiring = new List<AlertRecord>();
        var resolved = new List<string>();

        foreach (var rule in rules)
        {
            IReadOnlyList<AlertCondition> conditions = [];
            if (rule.Options.Enabled)
            {
                try
                {
                    conditions = await rule.EvaluateAsync(context, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.RuleFailed(logger, ex, rule.Name);
                    continue;
                }
            }

            var active = new HashSet<string>(StringComparer.Ordinal);
            foreach (var condition in conditions)
            {
                var fingerprint = $"{rule.Name}:{condition.Subject}";
                if (!active.Add(fingerprint))
                {
                    continue;
                }

                if (firing.TryGetValue(fingerprint, out var existing))
                {
                    stillFiring.Add(existing with { Summary = condition.Summary, Description = condition.Description, LastEvaluatedAt = now });
                    continue;
                }

                var since = pendingSince.TryGetValue(fingerprint, out var pending) ? pending : pendingSince[fingerprint] = now;
                if (now - since >= rule.Options.For)
                {
                    fired.Add(NewAlert(rule, fingerprint, condition, now));
                }
            }

            foreach (var key in pendingSince.Keys.Where(k => k.StartsWith(rule.Name + ":", StringComparison.Ordinal) && !active.Contains(k)).ToList())
            {
                pendingSince.Remove(key);
            }

            resolved.AddRange(firing.Values.Where(a => a.Rule == rule.Name && !active.Contains(a.Fingerprint)).Select(a => a.Id));
        }

        // Alerts of a rule that no longer exists (renamed in an upgrade) would otherwise fire forever.
        var known = rules.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        resolved.AddRange(firing.Values.Where(a => !known.Contains(a.Rule)).Select(a => a.Id));

        foreach (var alert in fired)
        {
            pendingSince.Remove(alert.Fingerprint);
        }

        var changes = new AlertChanges(now, fired, stillFiring, resolved);
        await store.ApplyAsync(changes, cancellationToken);
        await store.DeleteResolvedBeforeAsync(now - options.Value.ResolvedRetention, cancellationToken);
        foreach (var alert in fired)
        {
            Log.AlertFired(logger, alert.Rule, alert.Fingerprint, alert.Summary);
        }

        foreach (var id in resolved)
        {
            Log.AlertResolved(logger, id);
        }

        if (changes.Transitions)
        {
            delivery.Notify();
        }

        return changes;
    }

    public void Dispose() => gate.Dispose();

    private AlertRecord NewAlert(IAlertRule rule, string fingerprint, AlertCondition condition, DateTimeOffset now)
    {
        var labels = new Dictionary<string, string>(condition.Labels, StringComparer.Ordinal)
        {
            ["alertname"] = rule.AlertName,
            ["rule"] = rule.Name,
            ["severity"] = rule.Severity,
        };
        return new AlertRecord
        {
            Id = RandomIds.New("alr-"),
            Fingerprint = fingerprint,
            Rule = rule.Name,
            DeviceId = condition.DeviceId,
            Severity = rule.Severity,
            Labels = labels,
            State = AlertState.Firing,
            StartedAt = now,
            LastEvaluatedAt = now,
            Summary = condition.Summary,
            Description = condition.Description,
            RunbookUrl = links.Runbook(rule.Name),
        };
    }
}
