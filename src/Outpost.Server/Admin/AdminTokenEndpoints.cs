using Outpost.Protocol;
using Outpost.Protocol.Admin;
using Outpost.Server.Http;
using Outpost.Server.Security;
using Outpost.Server.Storage;

namespace Outpost.Server.Admin;

internal static class AdminTokenEndpoints
{
    public static void MapAdminTokens(this IEndpointRouteBuilder admin)
    {
        admin.MapGet(AdminApiRoutes.WhoAmI, (HttpContext http) =>
                TypedResults.Json(http.Caller().Token.ToView(), OutpostJsonContext.Default.AdminTokenView))
            .RequireRole(AdminRole.Viewer).Produces<AdminTokenView>();

        admin.MapPost(AdminApiRoutes.AdminTokens, CreateAsync)
            .RequireRole(AdminRole.Admin).Accepts<CreateAdminTokenRequest>("application/json")
            .Produces<CreatedAdminToken>(StatusCodes.Status201Created).ProducesValidationProblem();

        admin.MapGet(AdminApiRoutes.AdminTokens, async (IAdminTokenStore store, CancellationToken ct) =>
                TypedResults.Json<IReadOnlyList<AdminTokenView>>(
                    [.. (await store.ListAsync(ct)).Select(t => t.ToView())], OutpostJsonContext.Default.IReadOnlyListAdminTokenView))
            .RequireRole(AdminRole.Admin).Produces<IReadOnlyList<AdminTokenView>>();

        admin.MapDelete(AdminApiRoutes.AdminTokens + "/{id}", async (
                string id, HttpContext http, IAdminTokenStore store, TimeProvider time, ILoggerFactory loggers) =>
            {
                var logger = loggers.CreateLogger("Outpost.Server.Admin");
                var revoked = await store.RevokeAsync(id, time.GetUtcNow(), http.RequestAborted);
                if (revoked is null)
                {
                    return Problems.NotFound($"No admin token with id '{id}'.");
                }

                var callerId = http.Caller().Token.Id;

                Log.AdminTokenRevoked(logger, id, callerId);
                return TypedResults.Json(revoked.ToView(), OutpostJsonContext.Default.AdminTokenView);
            })
            .RequireRole(AdminRole.Admin).Produces<AdminTokenView>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, IAdminTokenStore store, TimeProvider time, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Outpost.Server.Admin");
        var (request, error) = await JsonBody.ReadAsync(http, OutpostJsonContext.Default.CreateAdminTokenRequest);
        if (error is not null)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(request!.Name) || request.Name.Length > 100)
        {
            return Problems.BadRequest("name", "name must be 1 to 100 characters.");
        }

        if (!Enum.IsDefined(request.Role))
        {
            return Problems.BadRequest("role", "role must be viewer, operator or admin.");
        }

        var secret = TokenSecrets.NewSecret(TokenSecrets.AdminPrefix);
        var token = new AdminTokenRecord
        {
            Id = RandomIds.New("adm-"), TokenHash = TokenSecrets.Hash(secret), Name = request.Name.Trim(),
            Role = request.Role, CreatedAt = time.GetUtcNow(),
        };
        await store.AddAsync(token, http.RequestAborted);
        var callerId = http.Caller().Token.Id;
        var role = token.Role.ToString();
        Log.AdminTokenCreated(logger, token.Id, token.Name, role, callerId);
        return TypedResults.Json(
            new CreatedAdminToken { Token = secret, Info = token.ToView() }, OutpostJsonContext.Default.CreatedAdminToken,
            statusCode: StatusCodes.Status201Created);
    }
}
