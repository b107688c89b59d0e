namespace Outpost.Server.Alerts;

/// <summary>Configuration section <c>Outpost:Alerts</c> (docs/alerts.md).</summary>
internal sealed class AlertsOptions
{
    public const string Section = "Outpost:Alerts";

    /// <summary>How often every rule is evaluated.</summary>
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The admin API's URL as operators and Alertmanager reach it (e.g. behind a proxy); used for generatorURL and the
    /// default runbook links. Empty: the bound admin listener URL.
    /// </summary>
    public string? ExternalUrl { get; set; }

    /// <summary>Where runbook links point: <c>{RunbookBaseUrl}/{rule}.md</c>. Empty: the runbooks the server serves at <c>{ExternalUrl}/v1/runbooks</c>.</summary>
    public string? RunbookBaseUrl { get; set; }

    /// <summary>Resolved alerts older than this are deleted.</summary>
    public TimeSpan ResolvedRetention { get; set; } = TimeSpan.FromDays(30);

    public AlertRulesOptions Rules { get; set; } = new();

    public AlertmanagerOptions Alertmanager { get; set; } = new();
}
