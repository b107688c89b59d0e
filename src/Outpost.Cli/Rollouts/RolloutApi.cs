using System.Net.Http.Json;
using Outpost.Cli.Api;
using Outpost.Protocol;
using Outpost.Protocol.Rollouts;

namespace Outpost.Cli.Rollouts;

/// <summary>The rollout calls of the admin API.</summary>
internal static class RolloutApi
{
    private static OutpostJsonContext Json => OutpostJsonContext.Default;

    public static Task<RolloutView> CreateRolloutAsync(this AdminApiClient client, RolloutSpec spec, CancellationToken ct) =>
        client.SendAsync(HttpMethod.Post, RolloutApiRoutes.Rollouts, JsonContent.Create(spec, Json.RolloutSpec), Json.RolloutView, ct);

    public static Task<RolloutList> ListRolloutsAsync(this AdminApiClient client, CancellationToken ct) =>
        client.SendAsync(HttpMethod.Get, RolloutApiRoutes.Rollouts, null, Json.RolloutList, ct);

    public static Task<RolloutView> GetRolloutAsync(this AdminApiClient client, string id, CancellationToken ct) =>
        client.SendAsync(HttpMethod.Get, RolloutApiRoutes.Rollout(id), null, Json.RolloutView, ct);

    public static Task<RolloutView> ActOnRolloutAsync(this AdminApiClient client, string id, string action, CancellationToken ct) =>
        client.SendAsync(HttpMethod.Post, RolloutApiRoutes.Action(id, action), null, Json.RolloutView, ct);
}
