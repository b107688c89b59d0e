namespace Outpost.Protocol.Alerts;

/// <summary>Alert paths of the admin API. Shared by the server and the CLI.</summary>
public static class AlertApiRoutes
{
    /// <summary><c>GET ?state=firing|resolved|all&amp;device=ID&amp;limit=N</c> (viewer).</summary>
    public const string Alerts = "/v1/alerts";

    /// <summary>Runbooks the server carries (anonymous): <c>/v1/runbooks/{rule}.md</c>.</summary>
    public const string Runbooks = "/v1/runbooks";

    public static string Runbook(string rule) => $"{Runbooks}/{Uri.EscapeDataString(rule)}.md";
}
