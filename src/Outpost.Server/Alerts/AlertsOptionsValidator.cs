using Microsoft.Extensions.Options;

namespace Outpost.Server.Alerts;

/// <summary>Refuses a start with alert settings that cannot work, naming the key to fix.</summary>
internal sealed class AlertsOptionsValidator : IValidateOptions<AlertsOptions>
{
    private const string Prefix = AlertsOptions.Section + ":";

    public ValidateOptionsResult Validate(string? name, AlertsOptions options)
    {
        var errors = new List<string>();
        void Positive(TimeSpan value, string key)
        {
            if (value <= TimeSpan.Zero)
            {
                errors.Add($"Set {Prefix}{key} to a positive duration (e.g. 00:05:00).");
            }
        }

        void Ratio(double value, string key)
        {
            if (value is not (> 0 and <= 1))
            {
                errors.Add($"Set {Prefix}{key} to a ratio above 0 and at most 1 (e.g. 0.9).");
            }
        }

        if (options.EvaluationInterval < TimeSpan.FromMilliseconds(10))
        {
            errors.Add($"Set {Prefix}EvaluationInterval to at least 00:00:00.010.");
        }

        Positive(options.ResolvedRetention, "ResolvedRetention");
        foreach (var (url, i) in options.Alertmanager.Urls.Select((u, i) => (u, i)))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                errors.Add($"Set {Prefix}Alertmanager:Urls:{i} to an http:// or https:// URL (got '{url}').");
            }
        }

        foreach (var (url, key) in new[] { (options.ExternalUrl, "ExternalUrl"), (options.RunbookBaseUrl, "RunbookBaseUrl") })
        {
            if (!string.IsNullOrWhiteSpace(url) && !Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                errors.Add($"Set {Prefix}{key} to an absolute URL (got '{url}').");
            }
        }

        var am = options.Alertmanager;
        Positive(am.ResendInterval, "Alertmanager:ResendInterval");
        Positive(am.ResolvedResendPeriod, "Alertmanager:ResolvedResendPeriod");
        Positive(am.Timeout, "Alertmanager:Timeout");
        Positive(am.InitialBackoff, "Alertmanager:InitialBackoff");
        if (am.MaxAttempts is < 1 or > 20)
        {
            errors.Add($"Set {Prefix}Alertmanager:MaxAttempts between 1 and 20.");
        }

        var rules = options.Rules;
        foreach (var (rule, key) in new (AlertRuleOptions, string)[]
                 {
                     (rules.DeviceOffline, "DeviceOffline"), (rules.DiskFull, "DiskFull"), (rules.Swapping, "Swapping"),
                     (rules.InferenceRateLow, "InferenceRateLow"), (rules.CrashLoop, "CrashLoop"), (rules.BadVersion, "BadVersion"),
                     (rules.CertificateExpiring, "CertificateExpiring"), (rules.RolloutHalted, "RolloutHalted"), (rules.OutboxDropping, "OutboxDropping"),
                 })
        {
            if (rule.For < TimeSpan.Zero)
            {
                errors.Add($"Set {Prefix}Rules:{key}:For to zero or a positive duration.");
            }
        }

        Positive(rules.DeviceOffline.After, "Rules:DeviceOffline:After");
        Ratio(rules.DiskFull.UsedRatio, "Rules:DiskFull:UsedRatio");
        Ratio(rules.Swapping.SwapUsedRatio, "Rules:Swapping:SwapUsedRatio");
        Positive(rules.Swapping.Window, "Rules:Swapping:Window");
        if (rules.Swapping.PagesPerSecond < 0)
        {
            errors.Add($"Set {Prefix}Rules:Swapping:PagesPerSecond to zero or more.");
        }

        Positive(rules.InferenceRateLow.Window, "Rules:InferenceRateLow:Window");
        if (string.IsNullOrWhiteSpace(rules.InferenceRateLow.Metric))
        {
            errors.Add($"Set {Prefix}Rules:InferenceRateLow:Metric to a metric name (default inference_fps).");
        }

        Positive(rules.CrashLoop.Window, "Rules:CrashLoop:Window");
        Positive(rules.BadVersion.Window, "Rules:BadVersion:Window");
        Positive(rules.CertificateExpiring.Within, "Rules:CertificateExpiring:Within");
        Positive(rules.OutboxDropping.Window, "Rules:OutboxDropping:Window");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
