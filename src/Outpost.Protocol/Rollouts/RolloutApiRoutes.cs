namespace Outpost.Protocol.Rollouts;

/// <summary>Paths of the rollout admin API. Shared by the server and the CLI.</summary>
public static class RolloutApiRoutes
{
    public const string Rollouts = "/v1/rollouts";

    public static string Rollout(string id) => $"{Rollouts}/{Uri.EscapeDataString(id)}";

    public static string Decisions(string id) => $"{Rollout(id)}/decisions";

    /// <summary><paramref name="action"/> is pause, resume, promote or abort.</summary>
    public static string Action(string id, string action) => $"{Rollout(id)}/{action}";
}
