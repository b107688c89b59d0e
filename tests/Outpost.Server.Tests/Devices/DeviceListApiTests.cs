using System.Net.Http.Json;
using Outpost.Protocol;
using Outpost.Protocol.Admin;
using Outpost.Server.Tests.Harness;

namespace Outpost.Server.Tests.Devices;

/// <summary><c>GET /v1/devices</c>: the release and search filters shared with the dashboard's device table.</summary>
public sealed class DeviceListApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Devices_ListFilters_ByRunningReleaseAndSearch()
    {
        await using var server = await OutpostTestServer.StartAsync();
        var token = (await server.CreateEnrollmentTokenAsync(maxUses: 3)).Token;
        using var gate = await TestDevice.EnrollAsync(server, token, hostname: "Gate-Cam-01");
        using var shelf = await TestDevice.EnrollAsync(server, token, hostname: "shelf-02");
        using var dock = await TestDevice.EnrollAsync(server, token, hostname: "dock-03");
        Assert.True((await gate.CheckInAsync(TestDevice.SampleCheckIn() with { CurrentRelease = "vision@1.2.0" })).IsSuccessStatusCode);
        Assert.True((await shelf.CheckInAsync(TestDevice.SampleCheckIn() with { CurrentRelease = "vision@1.1.0" })).IsSuccessStatusCode);
        using var admin = server.AdminClient(server.InitialAdminToken);

        async Task<string[]> Ids(string query) =>
            [.. (await admin.GetFromJsonAsync(AdminApiRoutes.Devices + query, OutpostJsonContext.Default.DeviceList, Ct))!.Items.Select(d => d.Id)];

        Assert.Equal([gate.Id], await Ids("?release=vision%401.2.0"));
        Assert.Equal([gate.Id], await Ids("?q=gate-CAM"));
        Assert.Equal([shelf.Id], await Ids("?q=SHELF&release=vision%401.1.0"));
        Assert.Equal([dock.Id], await Ids("?q=" + dock.Id[^6..].ToUpperInvariant()));
        Assert.Empty(await Ids("?q=cam&release=vision%401.1.0"));
    }

    [Theory]
    [InlineData("q")]
    [InlineData("release")]
    public async Task Devices_TooLongOrControlCharacterFilter_Is400NamingIt(string field)
    {
        await using var server = await OutpostTestServer.StartAsync();
        using var admin = server.AdminClient(server.InitialAdminToken);

        var tooLong = await admin.GetAsync($"{AdminApiRoutes.Devices}?{field}={new string('x', 201)}", Ct);
        var control = await admin.GetAsync($"{AdminApiRoutes.Devices}?{field}=a%00b", Ct);

        Assert.True((await tooLong.ReadProblemAsync()).Errors!.ContainsKey(field));
        Assert.True((await control.ReadProblemAsync()).Errors!.ContainsKey(field));
    }
}
