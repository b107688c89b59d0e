using System.Net;
using System.Net.Http.Json;
using Outpost.Protocol;
using Outpost.Protocol.Admin;
using Outpost.Server.Tests.Harness;

namespace Outpost.Server.Tests.Admin;

public sealed class AdminApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Devices_NoToken_401Problem()
    {
        await using var server = await OutpostTestServer.StartAsync();
        using var client = server.AdminClient(null);

        var response = await client.GetAsync(AdminApiRoutes.Devices, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(401, (await response.ReadProblemAsync()).Status);
        Assert.True(server.Logged("AdminRequestRefused", "missing bearer token"));
    }

    [Fact]
    public async Task Devices_WrongToken_401()
    {
        await using var server = await OutpostTestServer.StartAsync();
        using var client = server.AdminClient("opa_wrong");

        var response = await client.GetAsync(AdminApiRoutes.Devices, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(server.Logged("AdminRequestRefused", "unknown admin token"));
    }

    [Fact]
    public async Task Viewer_ReadAllowedWritesForbidden_RevokedTokenRefused()
    {
        await using var server = await OutpostTestServer.StartAsync();
        using var admin = server.AdminClient(server.InitialAdminToken);
        var created = await (await admin.PostAsJsonAsync(AdminApiRoutes.AdminTokens,
            new CreateAdminTokenRequest { Name = "dashboard", Role = AdminRole.Viewer }, OutpostJsonContext.Default.CreateAdminTokenRequest, Ct))
            .Content.ReadFromJsonAsync(OutpostJsonContext.Default.CreatedAdminToken, Ct);
        using var viewer = server.AdminClient(created!.Token);

        var read = await viewer.GetAsync(AdminApiRoutes.Devices, Ct);
        var write = await viewer.PostAsJsonAsync(AdminApiRoutes.EnrollmentTokens, new CreateEnrollmentTokenRequest { Site = "s" }, OutpostJsonContext.Default.CreateEnrollmentTokenRequest, Ct);
        var adminOnly = await viewer.GetAsync(AdminApiRoutes.AdminTokens, Ct);
        await admin.DeleteAsync(AdminApiRoutes.AdminToken(created.Info.Id), Ct);
        var afterRevoke = await viewer.GetAsync(AdminApiRoutes.Devices, Ct);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Contains("operator", (await write.ReadProblemAsync()).Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, adminOnly.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
    }

    [Fact]
    public async Task EnrollmentTokens_OversizedBody_413()
    {
        await using var server = await OutpostTestServer.StartAsync();
        using var admin = server.AdminClient(server.InitialAdminToken);
        var body = $$"""{"site":"s","tags":["{{new string('a', 70_000)}}"]}""";

        var response = await admin.PostAsync(AdminApiRoutes.EnrollmentTokens, new StringContent(body, null, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(413, (await response.ReadProblemAsync()).Status);
    }

    [Fact]
    public async Task EnrollmentTokens_OversizedChunkedBody_413()
    {
        await using var server = await OutpostTestServer.StartAsync();
        using var admin = server.AdminClient(server.InitialAdminToken);
        var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes($$"""{"site":"{{new string('a', 70_000)}}"}""")));
        content.Headers.ContentType = new("application/json");

        using var request = new HttpRequestMessage(HttpMethod.Post, AdminApiRoutes.EnrollmentTokens) { Content = content };
        request.Headers.TransferEncodingChunked = true;
        var response = await admin.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"site": 5}""", "site")]
    [InlineData("""{"tags": []}""", "site")]
    [InlineData("""{"site": "s", "maxUses": "lots"}""", "maxUses")]
    [InlineData("""{"site": "s", "maxUses": -1}""", "maxUses")]
    [InlineData("""{"site": "has space"}""", "site")]
    [InlineData("""{"site": "s", "tags": ["ok", "bad tag"]}""", "tags[1]")]
    [InlineData("""{"site": "s", "validForSeconds": 5}""", "validForSeconds")]
    [InlineData("""{"site": "s",""", "$")]
    [InlineData("""null""", "$")]
    public async Task EnrollmentTokens_BadBody_400NamingTheField(string body, string field)
    {
        await using var server = await OutpostTestServer.StartAsync();
        using var admin = server.AdminClient(server.InitialAdminToken);

        var response = await admin.PostAsync(AdminApiRoutes.EnrollmentTokens, new StringContent(body, null, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadProblemAsync()).Errors!.ContainsKey(field), await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task AdminTokens_BadRole_400NamingRole()
    {
        await using var server = await OutpostTestServer.StartAsync();
        using var admin = server.AdminClient(server.InitialAdminToken);

        var response = await admin.PostAsync(AdminApiRoutes.AdminTokens, new StringContent("""{"name":"x","role":"root"}""", null, "application/json"), Ct);

        Assert.True((await response.ReadProblemAsync()).Errors!.ContainsKey("role"));
    }

    [Fact]
    public async Task Devices_UnknownIdAndBadFilter_404And400Problems()
    {
        await using var server = await OutpostTestServer.StartAsync();
        using var admin = server.AdminClient(server.InitialAdminToken);

        var unknown = await admin.GetAsync(AdminApiRoutes.Device("dev-nope"), Ct);
        var revokeUnknown = await admin.PostAsync(AdminApiRoutes.RevokeDevice("dev-nope"), null, Ct);
        var badStatus = await admin.GetAsync(AdminApiRoutes.Devices + "?status=sleeping", Ct);
        var badLimit = await admin.GetAsync(AdminApiRoutes.Devices + "?limit=abc", Ct);

        Assert.Equal(404, (await unknown.ReadProblemAsync()).Status);
        Assert.Equal(404, (await revokeUnknown.ReadProblemAsync()).Status);
        Assert.True((await badStatus.ReadProblemAsync()).Errors!.ContainsKey("status"));
        Assert.True((await badLimit.ReadProblemAsync()).Errors!.ContainsKey("limit"));
    }

    [Fact]
    public async Task Devices_ListFilters_BySiteTagAndStatus()
    {
        await using var server = await OutpostTestServer.StartAsync();
        using var north = await TestDevice.EnrollAsync(server, (await server.CreateEnrollmentTokenAsync(site: "north", tags: ["cam"])).Token);
        using var south = await TestDevice.EnrollAsync(server, (await server.CreateEnrollmentTokenAsync(site: "south", tags: ["gate"])).Token);
        await north.CheckInAsync();
        using var admin = server.AdminClient(server.InitialAdminToken);

        async Task<string[]> Ids(string query) =>
            [.. (await admin.GetFromJsonAsync(AdminApiRoutes.Devices + query, OutpostJsonContext.Default.DeviceList, Ct))!.Items.Select(d => d.Id)];

        Assert.Equal([north.Id], await Ids("?site=north"));
        Assert.Equal([south.Id], await Ids("?tag=gate"));
        Assert.Equal([north.Id], await Ids("?status=online"));
        Assert.Equal([south.Id], await Ids("?status=offline"));
        Assert.Equal([south.Id], await Ids("?limit=1&offset=1"));
    }

    [Fact]
    public async Task EnrollmentTokens_CreateListRevoke_SecretShownOnceNeverListed()
    {
        await using var server = await OutpostTestServer.StartAsync();
        var created = await server.CreateEnrollmentTokenAsync(maxUses: 4, site: "east", tags: ["x"]);
        using var admin = server.AdminClient(server.InitialAdminToken);

        var listed = await admin.GetStringAsync(AdminApiRoutes.EnrollmentTokens, Ct);
        var revoked = await (await admin.DeleteAsync(AdminApiRoutes.EnrollmentToken(created.Info.Id), Ct)).Content
            .ReadFromJsonAsync(OutpostJsonContext.Default.EnrollmentTokenView, Ct);
        var unknown = await admin.DeleteAsync(AdminApiRoutes.EnrollmentToken("enr-nope"), Ct);

        Assert.Contains(created.Info.Id, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(created.Token, listed, StringComparison.Ordinal);
        Assert.Equal((4, "east"), (created.Info.MaxUses, created.Info.Site));
        Assert.NotNull(revoked!.RevokedAt);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
