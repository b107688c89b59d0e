using Microsoft.Extensions.Options;
using Outpost.Protocol.Alerts;
using Outpost.Server.Hosting;

namespace Outpost.Server.Alerts;

/// <summary>Runbook and generator links of alerts, from <c>Outpost:Alerts:ExternalUrl</c> / <c>RunbookBaseUrl</c>.</summary>
internal sealed class AlertLinks(IOptions<AlertsOptions> options, BoundListeners listeners)
{
    /// <summary>The admin API as Alertmanager and operators reach it; the bound admin listener unless configured.</summary>
    public string ExternalBase =>
        (string.IsNullOrWhiteSpace(options.Value.ExternalUrl) ? listeners.AdminUrl : options.Value.ExternalUrl).TrimEnd('/');

    public string Runbook(string rule)
    {
        var configured = options.Value.RunbookBaseUrl;
        return string.IsNullOrWhiteSpace(configured)
            ? ExternalBase + AlertApiRoutes.Runbook(rule)
            : $"{configured.TrimEnd('/')}/{Uri.EscapeDataString(rule)}.md";
    }

    /// <summary>Where the alert came from: the admin API's alert list, narrowed to the device when there is one.</summary>
    public string Generator(string? deviceId) =>
        ExternalBase + AlertApiRoutes.Alerts + (deviceId is null ? "" : "?device=" + Uri.EscapeDataString(deviceId));
}
