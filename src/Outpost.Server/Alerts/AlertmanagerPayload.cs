namespace Outpost.Server.Alerts;

/// <summary>Alert rows as Alertmanager API v2 <c>postableAlert</c>s.</summary>
internal static class AlertmanagerPayload
{
    /// <summary>
    /// Firing alerts get an endsAt of four resend intervals ahead (what Prometheus does): if the server stops
    /// re-sending, Alertmanager resolves them by itself instead of keeping a stale alert forever.
    /// </summary>
    public static IReadOnlyList<PostableAlert> Build(
        IEnumerable<AlertRecord> alerts, DateTimeOffset now, TimeSpan resendInterval, AlertLinks links) =>
        [.. alerts.Select(a => new PostableAlert
        {
            Labels = a.Labels,
            Annotations = Annotations(a),
            StartsAt = a.StartedAt,
            EndsAt = a.ResolvedAt ?? now + (4 * resendInterval),
            GeneratorUrl = links.Generator(a.DeviceId),
        })];

    private static Dictionary<string, string> Annotations(AlertRecord alert)
    {
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["summary"] = alert.Summary,
            ["runbook_url"] = alert.RunbookUrl,
        };
        if (alert.Description is { Length: > 0 } description)
        {
            annotations["description"] = description;
        }

        return annotations;
    }
}
