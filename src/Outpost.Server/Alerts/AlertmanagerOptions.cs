namespace Outpost.Server.Alerts;

/// <summary><c>Outpost:Alerts:Alertmanager</c>: where and how alerts are delivered (Alertmanager API v2).</summary>
internal sealed class AlertmanagerOptions
{
    /// <summary>Alertmanager base URLs (each gets <c>POST {url}/api/v2/alerts</c>); empty = no delivery.</summary>
    public List<string> Urls { get; set; } = [];

    /// <summary>Firing alerts are re-sent this often (Alertmanager forgets alerts that are not re-sent).</summary>
    public TimeSpan ResendInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Resolved alerts keep being sent (with their endsAt) this long, so a missed delivery heals.</summary>
    public TimeSpan ResolvedResendPeriod { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per URL and delivery round, with exponential backoff from <see cref="InitialBackoff"/>.</summary>
    public int MaxAttempts { get; set; } = 4;

    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);
}
