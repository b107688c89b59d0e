using Outpost.Protocol;
using Outpost.Protocol.Admin;
using Outpost.Server.Admin;
using Outpost.Server.Http;
using Outpost.Server.Security;
using Outpost.Server.Storage;

namespace Outpost.Server.Enrollment;

internal static class EnrollmentTokenEndpoints
{
    private const long MaxValidForSeconds = 366L * 24 * 3600;

    public static void MapEnrollmentTokens(this IEndpointRouteBuilder admin)
    {
        admin.MapPost(AdminApiRoutes.EnrollmentTokens, CreateAsync)
            .RequireRole(AdminRole.Operator).Accepts<CreateEnrollmentTokenRequest>("application/json")
            .Produces<CreatedEnrollmentToken>(StatusCodes.Status201Created).ProducesValidationProblem();

        admin.MapGet(AdminApiRoutes.EnrollmentTokens, async (IEnrollmentTokenStore store, CancellationToken ct) =>
                TypedResults.Json<IReadOnlyList<EnrollmentTokenView>>(
                    [.. (await store.ListAsync(ct)).Select(t => t.ToView())], OutpostJsonContext.Default.IReadOnlyListEnrollmentTokenView))
            .RequireRole(AdminRole.Viewer).Produces<IReadOnlyList<EnrollmentTokenView>>();

        admin.MapDelete(AdminApiRoutes.EnrollmentTokens + "/{id}", async (
                string id, HttpContext http, IEnrollmentTokenStore store, TimeProvider time, ILoggerFactory loggers) =>
            {
                var logger = loggers.CreateLogger("Outpost.Server.Enrollment");
                var revoked = await store.RevokeAsync(id, time.GetUtcNow(), http.RequestAborted);
                if (revoked is null)
                {
                    return Problems.NotFound($"No enrollment token with id '{id}'.");
                }

                var callerId = http.Caller().Token.Id;

                Log.TokenRevoked(logger, id, callerId);
                return TypedResults.Json(revoked.ToView(), OutpostJsonContext.Default.EnrollmentTokenView);
            })
            .RequireRole(AdminRole.Operator).Produces<EnrollmentTokenView>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> CreateAsync(
        HttpContext http, IEnrollmentTokenStore store, TimeProvider time, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Outpost.Server.Enrollment");
        var (request, error) = await JsonBody.ReadAsync(http, OutpostJsonContext.Default.CreateEnrollmentTokenRequest);
        if (error is not null)
        {
            return error;
        }

        var invalid = Validate(request!);
        if (invalid is not null)
        {
            return invalid;
        }

        var now = time.GetUtcNow();
        var secret = TokenSecrets.NewSecret(TokenSecrets.EnrollmentPrefix);
        var token = new EnrollmentTokenRecord
        {
            Id = RandomIds.New("enr-"), TokenHash = TokenSecrets.Hash(secret), Site = request!.Site,
            Tags = [.. request.Tags.Distinct(StringComparer.Ordinal)], MaxUses = request.MaxUses,
            CreatedAt = now, ExpiresAt = now.AddSeconds(request.ValidForSeconds),
        };
        await store.AddAsync(token, http.RequestAborted);
        var callerId = http.Caller().Token.Id;
        Log.TokenCreated(logger, token.Id, token.Site, token.MaxUses, callerId);
        return TypedResults.Json(
            new CreatedEnrollmentToken { Token = secret, Info = token.ToView() }, OutpostJsonContext.Default.CreatedEnrollmentToken,
            statusCode: StatusCodes.Status201Created);
    }

    private static IResult? Validate(CreateEnrollmentTokenRequest request)
    {
        if (!Labels.IsValid(request.Site))
        {
            return Problems.BadRequest("site", "site must be 1 to 64 characters: letters, digits and . _ : = / - (starting with a letter or digit).");
        }

        if (request.Tags.Count > Labels.MaxTags)
        {
            return Problems.BadRequest("tags", $"tags may hold at most {Labels.MaxTags} entries.");
        }

        for (var i = 0; i < request.Tags.Count; i++)
        {
            if (!Labels.IsValid(request.Tags[i]))
            {
                return Problems.BadRequest($"tags[{i}]", "each tag must be 1 to 64 characters: letters, digits and . _ : = / - (starting with a letter or digit).");
            }
        }

        if (request.MaxUses is < 1 or > 100_000)
        {
            return Problems.BadRequest("maxUses", "maxUses must be between 1 and 100000.");
        }

        return request.ValidForSeconds is < 60 or > MaxValidForSeconds
            ? Problems.BadRequest("validForSeconds", $"validForSeconds must be between 60 and {MaxValidForSeconds}.")
            : null;
    }
}
