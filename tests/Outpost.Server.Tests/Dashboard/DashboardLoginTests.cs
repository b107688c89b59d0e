using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using Outpost.Protocol;
using Outpost.Protocol.Admin;
using Outpost.Server.Tests.Harness;

namespace Outpost.Server.Tests.Dashboard;

/// <summary>Login, the session cookie, revocation, logout and the browser-hardening headers, against the real server.</summary>
public sealed class DashboardLoginTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Login_WrongEmptyOrOverlongToken_ShowsTheFormWithAReason_AndSetsNoCookie()
    {
        await using var server = await OutpostTestServer.StartAsync();
        var (client, cookies) = NewClient(server);
        using var _ = client;

        foreach (var (token, status, reason) in new[]
                 {
                     ("opa_notarealtoken", HttpStatusCode.Unauthorized, "unknown admin token"),
                     ("", HttpStatusCode.BadRequest, "Enter an admin token"),
                     (new string('a', 500), HttpStatusCode.BadRequest, "Enter an admin token"),
                 })
        {
            using var response = await PostFormAsync(client, "/dashboard/login", ("token", token), ("next", "/dashboard"));
            var html = await response.Content.ReadAsStringAsync(Ct);
            Assert.Equal(status, response.StatusCode);
            Assert.Contains(reason, html, StringComparison.Ordinal);
            Assert.Contains("id=\"token\"", html, StringComparison.Ordinal);
        }

        Assert.Empty(cookies.GetAllCookies());
    }

    [Fact]
    public async Task Login_SetsAHardenedSessionCookie_PagesCarryTheSecurityHeaders_AndNextStaysOnTheDashboard()
    {
        await using var server = await OutpostTestServer.StartAsync();
        var (client, cookies) = NewClient(server);
        using var _ = client;

        // An open redirect would send a fresh session to another site: only dashboard paths are honoured.
        using var login = await PostFormAsync(client, "/dashboard/login", ("token", server.InitialAdminToken!), ("next", "//evil.example/x"));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/dashboard", login.Headers.Location!.OriginalString);

        var header = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("outpost_session=ops_", header, StringComparison.Ordinal);
        Assert.Contains("httponly", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/dashboard", header, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", header, StringComparison.OrdinalIgnoreCase); // plain-HTTP admin listener in this test
        Assert.Single(cookies.GetAllCookies());

        using var page = await client.GetAsync("/dashboard", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var csp = string.Join(' ', page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", Assert.Single(page.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", Assert.Single(page.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-store", page.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task RevokingTheAdminToken_EndsItsSessionsAtTheNextRequest()
    {
        await using var server = await OutpostTestServer.StartAsync();
        using var admin = server.AdminClient(server.InitialAdminToken);
        using var created = await admin.PostAsJsonAsync(AdminApiRoutes.AdminTokens,
            new CreateAdminTokenRequest { Name = "ops-revoked", Role = AdminRole.Operator }, OutpostJsonContext.Default.CreateAdminTokenRequest, Ct);
        var token = (await created.Content.ReadFromJsonAsync(OutpostJsonContext.Default.CreatedAdminToken, Ct))!;
        var (client, _) = NewClient(server);
        using var __ = client;
        using (var login = await PostFormAsync(client, "/dashboard/login", ("token", token.Token), ("next", "/dashboard")))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        using (var before = await client.GetAsync("/dashboard", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using (var revoke = await admin.DeleteAsync(AdminApiRoutes.AdminToken(token.Info.Id), Ct))
        {
            Assert.True(revoke.IsSuccessStatusCode);
        }

        using var page = await client.GetAsync("/dashboard/devices", Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/dashboard/login?next=", page.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var live = new HttpRequestMessage(HttpMethod.Get, "/dashboard");
        live.Headers.Add("X-Outpost-Live", "1");
        using var refresh = await client.SendAsync(live, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode); // the live script reloads to the login page
        Assert.Equal("application/problem+json", refresh.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Logout_DeletesTheSession_TheOldCookieNoLongerOpensAPage()
    {
        await using var server = await OutpostTestServer.StartAsync();
        var (client, cookies) = NewClient(server);
        using var _ = client;
        using (var login = await PostFormAsync(client, "/dashboard/login", ("token", server.InitialAdminToken!), ("next", "/dashboard")))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var session = Assert.Single(cookies.GetAllCookies()).Value;
        var html = await client.GetStringAsync("/dashboard", Ct);
        var csrf = System.Text.RegularExpressions.Regex.Match(html, "name=\"_csrf\" value=\"([a-z2-7]+)\"").Groups[1].Value;
        Assert.NotEmpty(csrf);

        using (var logout = await PostFormAsync(client, "/dashboard/logout", ("_csrf", csrf)))
        {
            Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        }

        // Replaying the old cookie (as a thief who copied it would) finds no session.
        var (replay, replayCookies) = NewClient(server);
        using var ___ = replay;
        replayCookies.Add(server.AdminApi, new Cookie("outpost_session", session, "/dashboard"));
        using var page = await replay.GetAsync("/dashboard", Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/dashboard/login", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SessionExpires_AfterItsLifetime_WhateverTheActivity()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await OutpostTestServer.StartAsync(time: time,
            settings: new Dictionary<string, string?> { ["Outpost:Dashboard:SessionLifetime"] = "00:30:00" });
        var (client, _) = NewClient(server);
        using var __ = client;
        using (var login = await PostFormAsync(client, "/dashboard/login", ("token", server.InitialAdminToken!), ("next", "/dashboard")))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        time.Advance(TimeSpan.FromMinutes(29));
        using (var active = await client.GetAsync("/dashboard", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        }

        time.Advance(TimeSpan.FromMinutes(2));
        using var expired = await client.GetAsync("/dashboard", Ct);
        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
    }

    private static (HttpClient Client, CookieContainer Cookies) NewClient(OutpostTestServer server)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = server.AdminApi };
        return (client, cookies);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, params (string Key, string Value)[] fields)
    {
        using var form = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
        return await client.PostAsync(path, form, Ct);
    }
}
