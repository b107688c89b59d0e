using System.Security.Cryptography;
using System.Text;
using Outpost.Protocol.Admin;
using Outpost.Server.Http;
using Outpost.Server.Security;

namespace Outpost.Server.Dashboard;

/// <summary>
/// Session check per dashboard endpoint. Reads: no valid session → redirect to the login page (a live refresh gets
/// 401 instead, and the page reloads). Writes (POST): a valid session, the role, the session's CSRF token in the
/// form field <c>_csrf</c>, and an Origin (when the browser sends one) equal to this server's own — otherwise 401/403
/// problem+json and nothing is done. The role is enforced here, whatever the page showed.
/// </summary>
internal static class DashboardAccess
{
    public const string CsrfField = "_csrf";

    /// <summary>Header the live-refresh script sends: a lost session answers 401 rather than the login page's HTML.</summary>
    public const string LiveHeader = "X-Outpost-Live";

    public static RouteHandlerBuilder RequireDashboard(this RouteHandlerBuilder builder, AdminRole role) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var refusal = await AuthorizeAsync(context.HttpContext, role);
            return refusal ?? await next(context);
        });

    public static DashboardCaller DashboardCaller(this HttpContext context) => context.Features.Get<DashboardCaller>()!;

    /// <summary>The session of this request when it is valid (not expired, token not revoked), else null.</summary>
    public static async Task<DashboardSession?> CurrentSessionAsync(HttpContext http)
    {
        if (DashboardCookie.Read(http) is not { } secret)
        {
            return null;
        }

        var store = http.RequestServices.GetRequiredService<IDashboardSessionStore>();
        var session = await store.FindAsync(TokenSecrets.Hash(secret), http.RequestAborted);
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        return session is null || session.Token.RevokedAt is not null || session.ExpiresAt <= now ? null : session;
    }

    /// <summary>A browser's Origin, when it sends one, must be this server: a form on another site cannot post here.</summary>
    public static bool OriginAllowed(HttpContext http)
    {
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        var own = $"{http.Request.Scheme}://{http.Request.Host.Value}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<IResult?> AuthorizeAsync(HttpContext http, AdminRole role)
    {
        var isWrite = HttpMethods.IsPost(http.Request.Method);
        var session = await CurrentSessionAsync(http);
        if (session is null)
        {
            if (isWrite || http.Request.Headers.ContainsKey(LiveHeader))
            {
                Refuse(http, "no valid session");
                return Problems.Unauthorized("Log in to the dashboard first (the session is missing, expired or its admin token was revoked).");
            }

            var next = http.Request.Path.Value + http.Request.QueryString.Value;
            return TypedResults.Redirect($"{DashboardRoutes.Login}?next={Uri.EscapeDataString(next)}");
        }

        if (session.Token.Role < role)
        {
            var reason = $"role {Lower(session.Token.Role)} is below the required role {Lower(role)}";
            Refuse(http, reason);
            return Problems.Forbidden($"This requires the {Lower(role)} role; you are logged in as '{session.Token.Name}' ({Lower(session.Token.Role)}).");
        }

        if (isWrite)
        {
            if (!OriginAllowed(http))
            {
                Refuse(http, "cross-origin write");
                return Problems.Forbidden("Cross-origin writes are refused.");
            }

            if (!http.Request.HasFormContentType)
            {
                Refuse(http, "write without a form body");
                return Problems.UnsupportedMediaType("Dashboard writes are HTML form posts (application/x-www-form-urlencoded).");
            }

            IFormCollection form;
            try
            {
                form = await http.Request.ReadFormAsync(http.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
            {
                Refuse(http, "unreadable form body");
                return e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                    ? Problems.TooLarge("The form is too large.")
                    : Problems.BadRequest(CsrfField, $"The form body could not be read: {e.Message}");
            }

            if (!CsrfMatches(form[CsrfField].ToString(), session.Csrf))
            {
                Refuse(http, "missing or wrong CSRF token");
                return Problems.Forbidden("The form's CSRF token is missing or does not belong to this session; reload the page and try again.");
            }
        }

        http.Features.Set(new DashboardCaller(session.Token.Name, session.Token.Role, session.Csrf)
        {
            SessionIdHash = session.IdHash,
            TokenId = session.Token.Id,
        });
        return null;
    }

    private static bool CsrfMatches(string sent, string expected) =>
        sent.Length == expected.Length
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(expected));

    private static void Refuse(HttpContext http, string reason)
    {
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Outpost.Server.Dashboard");
        Log.Refused(logger, http.Request.Method, http.Request.Path.Value ?? "/", http.Connection.RemoteIpAddress?.ToString() ?? "unknown", reason);
    }

    private static string Lower(AdminRole role) => role.ToString().ToLowerInvariant();
}
