using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Outpost.Protocol.Admin;
using Outpost.Server.Http;
using Outpost.Server.Security;
using Outpost.Server.Storage;
using Outpost.Server.Dashboard.Pages;

namespace Outpost.Server.Dashboard;

/// <summary>Login with an admin token (exchanged for a session cookie; the token is never stored in the browser) and logout.</summary>
internal static class DashboardLoginEndpoints
{
    private const int MaxTokenLength = 200;

    public static void MapDashboardLogin(this IEndpointRouteBuilder dashboard)
    {
        dashboard.MapGet(DashboardRoutes.Login, async (HttpContext http, string? next) =>
            await DashboardAccess.CurrentSessionAsync(http) is not null
                ? Results.Redirect(DashboardRoutes.SafeReturnPath(next))
                : Page(DashboardRoutes.SafeReturnPath(next), error: null, StatusCodes.Status200OK));

        dashboard.MapPost(DashboardRoutes.Login, LoginAsync).DisableAntiforgery();

        dashboard.MapPost(DashboardRoutes.Logout, async (HttpContext http, IDashboardSessionStore sessions) =>
        {
            await sessions.DeleteAsync(http.DashboardCaller().SessionIdHash, http.RequestAborted);
            DashboardCookie.Clear(http);
            return Results.Redirect(DashboardRoutes.Login, permanent: false, preserveMethod: false);
        }).RequireDashboard(AdminRole.Viewer).DisableAntiforgery();
    }

    private static async Task<IResult> LoginAsync(
        HttpContext http, IAdminTokenStore tokens, IDashboardSessionStore sessions, IOptions<DashboardOptions> options,
        TimeProvider time, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Outpost.Server.Dashboard");
        var remote = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!DashboardAccess.OriginAllowed(http))
        {
            Log.LoginRefused(logger, remote, "cross-origin login form");
            return Problems.Forbidden("Cross-origin logins are refused.");
        }

        if (!http.Request.HasFormContentType)
        {
            return Problems.UnsupportedMediaType("Log in with the HTML form (application/x-www-form-urlencoded).");
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return Problems.BadRequest("token", $"The form body could not be read: {e.Message}");
        }

        var next = DashboardRoutes.SafeReturnPath(form["next"].ToString());
        var secret = form["token"].ToString().Trim();
        if (secret.Length is 0 or > MaxTokenLength)
        {
            Log.LoginRefused(logger, remote, secret.Length == 0 ? "empty token" : "token too long");
            return Page(next, "Enter an admin token (it starts with opa_).", StatusCodes.Status400BadRequest);
        }

        var token = await tokens.FindByHashAsync(TokenSecrets.Hash(secret), http.RequestAborted);
        if (token is null || token.RevokedAt is not null)
        {
            var reason = token is null ? "unknown admin token" : "admin token revoked";
            Log.LoginRefused(logger, remote, reason);
            return Page(next, $"That token cannot log in: {reason}.", StatusCodes.Status401Unauthorized);
        }

        var now = time.GetUtcNow();
        var expires = now + options.Value.SessionLifetime;
        await sessions.DeleteExpiredAsync(now, http.RequestAborted); // housekeeping rides on logins: they are rare
        var sessionSecret = RandomIds.New("ops_", 32);
        await sessions.AddAsync(TokenSecrets.Hash(sessionSecret), token.Id, RandomIds.New("", 32), now, expires, http.RequestAborted);
        DashboardCookie.Issue(http, sessionSecret, expires);
        Log.Login(logger, token.Id, token.Name, token.Role, remote);
        return Results.Redirect(next);
    }

    private static RazorComponentResult<LoginPage> Page(string next, string? error, int status) =>
        new(new { Next = next, Error = error }) { StatusCode = status };
}
