using Microsoft.Extensions.Options;
using Outpost.Protocol;
using Outpost.Protocol.Admin;
using Outpost.Protocol.Rollouts;
using Outpost.Server.Admin;
using Outpost.Server.Http;
using Outpost.Server.Repository;
using Outpost.Server.Security;
using Outpost.Server.Storage;

namespace Outpost.Server.Rollouts;

/// <summary>The rollout admin API: operators act, viewers read.</summary>
internal static class RolloutEndpoints
{
    public static void MapRollouts(this IEndpointRouteBuilder admin)
    {
        admin.MapPost(RolloutApiRoutes.Rollouts, CreateAsync).RequireRole(AdminRole.Operator)
            .Accepts<RolloutSpec>("application/json").Produces<RolloutView>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapGet(RolloutApiRoutes.Rollouts, async (IRolloutStore store, HttpContext http) =>
            {
                var items = new List<RolloutView>();
                foreach (var rollout in await store.ListAsync(activeOnly: false, http.RequestAborted))
                {
                    items.Add(await RolloutViews.BuildAsync(store, rollout, null, http.RequestAborted));
                }

                return TypedResults.Json(new RolloutList { Items = items }, OutpostJsonContext.Default.RolloutList);
            })
            .RequireRole(AdminRole.Viewer).Produces<RolloutList>();
        admin.MapGet(RolloutApiRoutes.Rollouts + "/{id}", async (string id, IRolloutStore store, IOptions<RolloutsOptions> options, HttpContext http) =>
                await store.GetAsync(id, http.RequestAborted) is { } rollout
                    ? TypedResults.Json(
                        await RolloutViews.BuildAsync(store, rollout, options.Value.DecisionsShown, http.RequestAborted), OutpostJsonContext.Default.RolloutView)
                    : NotFound(id))
            .RequireRole(AdminRole.Viewer).Produces<RolloutView>().ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapGet(RolloutApiRoutes.Rollouts + "/{id}/decisions", async (string id, IRolloutStore store, HttpContext http) =>
                await store.GetAsync(id, http.RequestAborted) is null
                    ? NotFound(id)
                    : TypedResults.Json(
                        new RolloutDecisionList { Items = await store.GetDecisionsAsync(id, null, http.RequestAborted) },
                        OutpostJsonContext.Default.RolloutDecisionList))
            .RequireRole(AdminRole.Viewer).Produces<RolloutDecisionList>().ProducesProblem(StatusCodes.Status404NotFound);
        foreach (var action in OperatorActions.Names)
        {
            admin.MapPost(RolloutApiRoutes.Rollouts + "/{id}/" + action, (string id, RolloutActionService actions, IRolloutStore store,
                    IOptions<RolloutsOptions> options, HttpContext http) => ActAsync(id, action, actions, store, options, http))
                .RequireRole(AdminRole.Operator).Produces<RolloutView>()
                .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        }
    }

    private static async Task<IResult> CreateAsync(
        HttpContext http, IRolloutStore store, IDeviceStore devices, TufRepository repository, IOptions<RolloutsOptions> options,
        TimeProvider time, ILogger<RolloutEngine> logger)
    {
        var (spec, error) = await JsonBody.ReadAsync(http, OutpostJsonContext.Default.RolloutSpec);
        if (error is not null)
        {
            return error;
        }

        if (RolloutSpecValidator.Validate(spec!, ReleaseCatalog.From(repository.State.Targets?.Signed), options.Value.EffectiveKnownMetrics) is { } invalid)
        {
            return Problems.BadRequest(invalid.Field, invalid.Message);
        }

        var candidates = await devices.ListRolloutCandidatesAsync(http.RequestAborted);
        var known = candidates.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var unknown = spec!.Target.Devices.ToList().FindIndex(id => !known.Contains(id));
        if (unknown >= 0)
        {
            return Problems.BadRequest($"target.devices[{unknown}]", $"target.devices[{unknown}] '{spec.Target.Devices[unknown]}' is not an enrolled, unrevoked device.");
        }

        var targets = RolloutTargeting.Resolve(spec.Target, candidates);
        if (targets.Count == 0)
        {
            return Problems.BadRequest("target", "target matches no enrolled, unrevoked device.");
        }

        var now = time.GetUtcNow();
        var caller = http.Caller().Token;
        var rollout = new RolloutRecord
        {
            Id = RandomIds.New("ro"), Spec = spec, State = RolloutState.Pending, Phase = 0, TargetCount = targets.Count,
            CreatedAt = now, CreatedBy = caller.Id, UpdatedAt = now,
        };
        var conflict = await store.CreateAsync(
            rollout, [.. targets.Select(d => d.Id)],
            new RolloutDecision("created", $"{spec.Release} to {targets.Count} device(s) by {caller.Name}", caller.Id), http.RequestAborted);
        if (conflict is not null)
        {
            return Problems.Conflict($"A target device is already in active rollout {conflict}: one active rollout per device (abort it or narrow the target).");
        }

        Log.Created(logger, rollout.Id, spec.Release, targets.Count, caller.Id);
        return TypedResults.Json(
            await RolloutViews.BuildAsync(store, rollout, options.Value.DecisionsShown, http.RequestAborted), OutpostJsonContext.Default.RolloutView,
            statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ActAsync(
        string id, string action, RolloutActionService actions, IRolloutStore store, IOptions<RolloutsOptions> options, HttpContext http)
    {
        var caller = http.Caller().Token;
        var result = await actions.ActAsync(id, action, caller.Id, caller.Name, http.RequestAborted);
        return result.Outcome switch
        {
            RolloutActionOutcome.Done => TypedResults.Json(
                await RolloutViews.BuildAsync(store, result.Rollout!, options.Value.DecisionsShown, http.RequestAborted), OutpostJsonContext.Default.RolloutView),
            RolloutActionOutcome.NotFound => NotFound(id),
            _ => Problems.Conflict(result.Message),
        };
    }

    private static IResult NotFound(string id) => Problems.NotFound($"No rollout with id '{id}'.");
}
