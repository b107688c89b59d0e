using Microsoft.Extensions.Primitives;
using Outpost.Protocol.Admin;
using Outpost.Server.Http;
using Outpost.Server.Security;
using Outpost.Server.Storage;

namespace Outpost.Server.Admin;

/// <summary>Bearer-token check per endpoint: 401 when the token is missing, unknown or revoked; 403 when its role is too low.</summary>
internal static class AdminAuthorization
{
    public static RouteHandlerBuilder RequireRole(this RouteHandlerBuilder builder, AdminRole role) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var refusal = await AuthorizeAsync(http, role);
            return refusal ?? await next(context);
        }).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

    public static AdminCaller Caller(this HttpContext context) => context.Features.Get<AdminCaller>()!;

    private static async Task<IResult?> AuthorizeAsync(HttpContext http, AdminRole role)
    {
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Outpost.Server.Admin.Authorization");
        var remote = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var secret = BearerToken(http.Request.Headers.Authorization);
        if (secret is null)
        {
            Log.AdminRefused(logger, http.Request.Path.Value ?? "/", remote, "missing bearer token");
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Problems.Unauthorized("Send an admin token as 'Authorization: Bearer <token>'.");
        }

        var store = http.RequestServices.GetRequiredService<IAdminTokenStore>();
        var token = await store.FindByHashAsync(TokenSecrets.Hash(secret), http.RequestAborted);
        if (token is null || token.RevokedAt is not null)
        {
            var reason = token is null ? "unknown admin token" : "admin token revoked";
            Log.AdminRefused(logger, http.Request.Path.Value ?? "/", remote, reason);
            http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            return Problems.Unauthorized($"The bearer token is not valid: {reason}.");
        }

        if (token.Role < role)
        {
            var reason = $"role {Lower(token.Role)} is below the required role {Lower(role)}";
            Log.AdminRefused(logger, http.Request.Path.Value ?? "/", remote, reason);
            return Problems.Forbidden($"This operation requires the {Lower(role)} role; token '{token.Name}' has {Lower(token.Role)}.");
        }

        http.Features.Set(new AdminCaller(token));
        return null;
    }

    private static string? BearerToken(StringValues header)
    {
        var value = header.Count == 1 ? header[0] : null;
        const string scheme = "Bearer ";
        return value is not null && value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && value.Length > scheme.Length
            ? value[scheme.Length..].Trim()
            : null;
    }

    private static string Lower(AdminRole role) => role.ToString().ToLowerInvariant();
}
