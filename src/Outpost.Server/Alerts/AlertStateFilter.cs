using Outpost.Protocol.Alerts;

namespace Outpost.Server.Alerts;

/// <summary>The <c>state</c> filter of the alert list, shared by <c>GET /v1/alerts</c> and the dashboard's alerts page.</summary>
internal static class AlertStateFilter
{
    public const string Message = "state must be firing, resolved or all.";

    /// <summary>"" or firing → Firing, resolved → Resolved, all → null (both); false for anything else.</summary>
    public static bool TryParse(string? text, out AlertState? state)
    {
        switch (text)
        {
            case null or "" or "firing":
                state = AlertState.Firing;
                return true;
            case "resolved":
                state = AlertState.Resolved;
                return true;
            case "all":
                state = null;
                return true;
            default:
                state = AlertState.Firing;
                return false;
        }
    }
}
