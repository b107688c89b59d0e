namespace Outpost.Server.Dashboard;

/// <summary>
/// The session cookie: HttpOnly (no script reads it), Secure when the admin listener is HTTPS, SameSite=Lax (links
/// from alerts still open the dashboard; writes are guarded by the CSRF token and an Origin check instead), and
/// scoped to the dashboard's paths.
/// </summary>
internal static class DashboardCookie
{
    public const string Name = "outpost_session";

    public static void Issue(HttpContext http, string secret, DateTimeOffset expires) =>
        http.Response.Cookies.Append(Name, secret, Options(http, expires));

    public static void Clear(HttpContext http) =>
        http.Response.Cookies.Delete(Name, Options(http, DateTimeOffset.UnixEpoch));

    public static string? Read(HttpContext http) =>
        http.Request.Cookies.TryGetValue(Name, out var value) && value is { Length: > 0 and < 200 } ? value : null;

    private static CookieOptions Options(HttpContext http, DateTimeOffset expires) => new()
    {
        HttpOnly = true,
        Secure = http.Request.IsHttps,
        SameSite = SameSiteMode.Lax,
        Path = DashboardRoutes.Root,
        Expires = expires,
        IsEssential = true,
    };
}
