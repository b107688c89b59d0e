namespace Outpost.Server.Alerts;

/// <summary>
/// One alert rule: reports every subject for which its condition holds right now. The evaluator turns that into
/// pending (the rule's <c>For</c>), firing and resolved episodes; rules hold no state of their own.
/// </summary>
internal interface IAlertRule
{
    /// <summary>Kebab-case name: the <c>rule</c> label, the fingerprint prefix and the runbook's file name.</summary>
    string Name { get; }

    /// <summary>The <c>alertname</c> label (Prometheus naming).</summary>
    string AlertName { get; }

    /// <summary><c>critical</c> or <c>warning</c>.</summary>
    string Severity { get; }

    AlertRuleOptions Options { get; }

    Task<IReadOnlyList<AlertCondition>> EvaluateAsync(AlertContext context, CancellationToken cancellationToken);
}
