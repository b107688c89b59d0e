namespace Outpost.Server.Dashboard;

/// <summary>Every dashboard path, in one place: pages link to each other through these.</summary>
internal static class DashboardRoutes
{
    public const string Root = "/dashboard";
    public const string Login = Root + "/login";
    public const string Logout = Root + "/logout";
    public const string Assets = Root + "/assets";
    public const string Devices = Root + "/devices";
    public const string Releases = Root + "/releases";
    public const string Rollouts = Root + "/rollouts";
    public const string Alerts = Root + "/alerts";

    public static string Device(string id) => $"{Devices}/{Uri.EscapeDataString(id)}";

    public static string Release(string name, string version) => $"{Releases}/{Uri.EscapeDataString(name)}/{Uri.EscapeDataString(version)}";

    public static string Rollout(string id) => $"{Rollouts}/{Uri.EscapeDataString(id)}";

    /// <summary><paramref name="action"/> is pause, resume, promote or abort.</summary>
    public static string RolloutAction(string id, string action) => $"{Rollout(id)}/{action}";

    public static string Asset(string file) => $"{Assets}/{file}?v={DashboardAssets.Version(file)}";

    /// <summary>Only a path of this dashboard is a place to go back to after login (no open redirect).</summary>
    public static string SafeReturnPath(string? next) =>
        next is { Length: > 0 } && next.StartsWith(Root, StringComparison.Ordinal) && !next.StartsWith("//", StringComparison.Ordinal)
            && !next.Contains('\\') && Uri.IsWellFormedUriString(next, UriKind.Relative)
            ? next
            : Root;
}
