using System.Net;
using System.Net.Http.Json;
using Outpost.Protocol;
using Outpost.Protocol.Admin;
using Outpost.Server.Tests.Harness;

namespace Outpost.Server.Tests.Dashboard;

/// <summary>A browser-like client of the dashboard: logs in through the form, keeps the session cookie, never follows redirects.</summary>
internal sealed class PageSession : IDisposable
{
    private readonly HttpClient client;

    private PageSession(HttpClient client) => this.client = client;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A client with no session at all.</summary>
    public static PageSession Anonymous(OutpostTestServer server) => new(NewClient(server));

    public static async Task<PageSession> LoginAsync(OutpostTestServer server, string adminToken)
    {
        var session = new PageSession(NewClient(server));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = adminToken, ["next"] = "/dashboard" });
        using var response = await session.client.PostAsync("/dashboard/login", form, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    /// <summary>A new admin token with <paramref name="role"/>, made through the admin API.</summary>
    public static async Task<string> CreateTokenAsync(OutpostTestServer server, AdminRole role)
    {
        using var admin = server.AdminClient(server.InitialAdminToken);
        using var response = await admin.PostAsJsonAsync(
            AdminApiRoutes.AdminTokens, new CreateAdminTokenRequest { Name = $"{role}-page-test".ToLowerInvariant(), Role = role },
            OutpostJsonContext.Default.CreateAdminTokenRequest, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(OutpostJsonContext.Default.CreatedAdminToken, Ct))!.Token;
    }

    public async Task<(HttpStatusCode Status, string Html, Uri? Location)> GetAsync(string path)
    {
        using var response = await client.GetAsync(path, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct), response.Headers.Location);
    }

    public void Dispose() => client.Dispose();

    private static HttpClient NewClient(OutpostTestServer server) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = server.AdminApi };
}
