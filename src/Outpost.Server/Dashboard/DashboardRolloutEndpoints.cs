using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Outpost.Protocol.Admin;
using Outpost.Protocol.Rollouts;
using Outpost.Server.Dashboard.Pages;
using Outpost.Server.Rollouts;
using Outpost.Server.Storage;

namespace Outpost.Server.Dashboard;

/// <summary>
/// Rollout list and detail pages, and the operator actions. An action runs through <see cref="RolloutActionService"/>,
/// the code behind <c>POST /v1/rollouts/{id}/{action}</c>, so the API and the dashboard cannot disagree on what is allowed.
/// </summary>
internal static class DashboardRolloutEndpoints
{
    /// <summary>The list shows the newest this many (rollouts are few; a long history must not slow the page).</summary>
    private const int ListLimit = 200;

    /// <summary>A refusal message travels in the redirect's query string; longer text is not ours.</summary>
    private const int MaxErrorLength = 300;

    public static void MapDashboardRollouts(this IEndpointRouteBuilder dashboard)
    {
        dashboard.MapGet(DashboardRoutes.Rollouts, ListAsync).RequireDashboard(AdminRole.Viewer);
        dashboard.MapGet(DashboardRoutes.Rollouts + "/{id}", DetailAsync).RequireDashboard(AdminRole.Viewer);
        dashboard.MapPost(DashboardRoutes.Rollouts + "/{id}/{action}", ActAsync).RequireDashboard(AdminRole.Operator).DisableAntiforgery();
    }

    private static async Task<IResult> ListAsync(
        HttpContext http, IRolloutStore store, IAdminTokenStore tokens, IOptions<DashboardOptions> options, TimeProvider time)
    {
        var cancel = http.RequestAborted;
        var all = await store.ListAsync(activeOnly: false, cancel);
        var views = new List<RolloutView>();
        foreach (var rollout in all.Take(ListLimit))
        {
            views.Add(await RolloutViews.BuildAsync(store, rollout, decisions: null, cancel));
        }

        return new RazorComponentResult<RolloutsPage>(new
        {
            Caller = http.DashboardCaller(),
            Now = time.GetUtcNow(),
            Rollouts = (IReadOnlyList<RolloutView>)views,
            Total = all.Count,
            TokenNames = await TokenNamesAsync(tokens, cancel),
            RefreshMs = RefreshMs(options),
        });
    }

    private static async Task<IResult> DetailAsync(
        string id, string? error, HttpContext http, IRolloutStore store, IAdminTokenStore tokens, IOptions<RolloutsOptions> rollouts,
        IOptions<DashboardOptions> options, TimeProvider time)
    {
        var cancel = http.RequestAborted;
        var caller = http.DashboardCaller();
        if (await store.GetAsync(id, cancel) is not { } rollout)
        {
            return NotFoundPage(http, id, options);
        }

        var now = time.GetUtcNow();
        return new RazorComponentResult<RolloutPage>(new
        {
            Caller = caller,
            Id = id,
            Now = now,
            Rollout = await RolloutViews.BuildAsync(store, rollout, rollouts.Value.DecisionsShown, cancel),
            Actions = caller.CanOperate ? OperatorActions.ValidFor(rollout, now) : [],
            TokenNames = await TokenNamesAsync(tokens, cancel),
            Error = error is { Length: > 0 } ? error[..Math.Min(error.Length, MaxErrorLength)] : null,
            RefreshMs = RefreshMs(options),
        });
    }

    private static async Task<IResult> ActAsync(
        string id, string action, HttpContext http, RolloutActionService actions, IOptions<DashboardOptions> options, ILoggerFactory loggers)
    {
        if (!OperatorActions.Names.Contains(action))
        {
            return NotFoundPage(http, id, options);
        }

        var caller = http.DashboardCaller();
        var result = await actions.ActAsync(id, action, caller.TokenId, caller.Name, http.RequestAborted);
        switch (result.Outcome)
        {
            case RolloutActionOutcome.NotFound:
                return NotFoundPage(http, id, options);
            case RolloutActionOutcome.Refused:
                // Post/redirect/get even for a refusal: the page stays on its own URL, which the live refresh polls.
                return Results.Redirect($"{DashboardRoutes.Rollout(id)}?error={Uri.EscapeDataString(Capitalize(result.Message))}");
            default:
                var logger = loggers.CreateLogger("Outpost.Server.Dashboard");
                Log.Action(logger, action, id, caller.TokenId);
                return Results.Redirect(DashboardRoutes.Rollout(id));
        }
    }

    private static RazorComponentResult<RolloutPage> NotFoundPage(HttpContext http, string id, IOptions<DashboardOptions> options) =>
        new(new { Caller = http.DashboardCaller(), Id = id, RefreshMs = RefreshMs(options) }) { StatusCode = StatusCodes.Status404NotFound };

    /// <summary>Decisions and rollouts record token ids; people read names.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> TokenNamesAsync(IAdminTokenStore tokens, CancellationToken cancellationToken) =>
        (await tokens.ListAsync(cancellationToken)).ToDictionary(t => t.Id, t => t.Name, StringComparer.Ordinal);

    private static int RefreshMs(IOptions<DashboardOptions> options) => (int)options.Value.LiveRefreshInterval.TotalMilliseconds;

    private static string Capitalize(string message) => message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..];
}
