using System.Net;
using Microsoft.Extensions.Time.Testing;
using Outpost.Protocol.Devices;
using Outpost.Server.Tests.Harness;

namespace Outpost.Server.Tests.Dashboard;

/// <summary>The device table through the real server: filters, search, paging, hostile input, sessions.</summary>
public sealed class DevicePagesTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    [Fact]
    public async Task DevicesPage_Filters_BySiteTagStatusReleaseAndSearch()
    {
        await using var server = await OutpostTestServer.StartAsync(time: new FakeTimeProvider(Now));
        var seed = await DeviceFleetSeed.CreateAsync(server, Now);
        await seed.AddAsync("dev-north-cam", "north", ["camera", "line-1"], "Gate-Camera-01", Now, "vision@1.2.0");
        await seed.AddAsync("dev-north-old", "north", ["camera"], "shelf-02", Now.AddHours(-2), "vision@1.1.0");
        await seed.AddAsync("dev-south-cam", "south", ["camera"], "dock-cam", Now, "vision@1.2.0");
        await seed.AddAsync("dev-south-new", "south", [], null);
        await seed.AddAsync("dev-south-gone", "south", ["camera"], "gone-CAMERA-9", Now, "vision@1.2.0");
        await seed.Devices.RevokeAsync("dev-south-gone", Now, TestContext.Current.CancellationToken);
        using var client = await DeviceFleetSeed.LoginAsync(server, server.InitialAdminToken!);

        async Task<string[]> Rows(string query)
        {
            var (status, html) = await DeviceFleetSeed.GetAsync(client, "/dashboard/devices" + query);
            Assert.Equal(HttpStatusCode.OK, status);
            var rows = DeviceFleetSeed.RowIds(html);
            Assert.Equal(rows.Length, DeviceFleetSeed.Total(html));
            return rows;
        }

        Assert.Equal(["dev-north-cam", "dev-north-old", "dev-south-cam", "dev-south-new", "dev-south-gone"], await Rows(""));
        Assert.Equal(["dev-north-cam", "dev-north-old"], await Rows("?site=north"));
        Assert.Equal(["dev-north-cam"], await Rows("?tag=line-1"));
        Assert.Equal(["dev-north-cam", "dev-south-cam"], await Rows("?status=online"));
        Assert.Equal(["dev-north-old", "dev-south-new"], await Rows("?status=offline"));
        Assert.Equal(["dev-south-gone"], await Rows("?status=revoked"));
        Assert.Equal(["dev-north-cam", "dev-south-cam", "dev-south-gone"], await Rows("?release=vision%401.2.0"));
        Assert.Equal(["dev-north-cam", "dev-south-cam"], await Rows("?release=vision%401.2.0&status=online"));
        // Search: id or hostname, substring, case-insensitive.
        Assert.Equal(["dev-north-cam", "dev-south-cam", "dev-south-gone"], await Rows("?q=CAM"));
        Assert.Equal(["dev-north-old"], await Rows("?q=shelf"));
        Assert.Equal(["dev-south-gone"], await Rows("?q=camera-9&site=south"));
        Assert.Empty(await Rows("?q=nothing-like-this"));
    }

    [Fact]
    public async Task DevicesPage_ShowsColumnsAndTheUpdateInProgress()
    {
        await using var server = await OutpostTestServer.StartAsync(time: new FakeTimeProvider(Now));
        var seed = await DeviceFleetSeed.CreateAsync(server, Now);
        await seed.AddAsync(
            "dev-updating", "north", ["camera", "line-1"], "gate-01", Now.AddSeconds(-42), "vision@1.1.0",
            new UpdateReport { Release = "vision@1.2.0", State = UpdateState.Downloading, ProgressPercent = 40, At = Now },
            new SystemSnapshot
            {
                CpuPercent = 37, CpuCount = 4, MemoryTotalBytes = 1000, MemoryAvailableBytes = 250,
                Disks = [new() { Mount = "/", TotalBytes = 100, FreeBytes = 90 }, new() { Mount = "/data", TotalBytes = 100, FreeBytes = 19 }],
            });
        using var client = await DeviceFleetSeed.LoginAsync(server, server.InitialAdminToken!);

        var (_, html) = await DeviceFleetSeed.GetAsync(client, "/dashboard/devices");

        var row = Row(html, "dev-updating");
        Assert.Contains("href=\"/dashboard/devices/dev-updating\"", row, StringComparison.Ordinal);
        foreach (var text in new[] { "gate-01", "north", "camera, line-1", "online", "vision@1.1.0", "vision@1.2.0: ", "downloading", "1.4.2", "42 s ago", "37 %", "75 %", "81 %" })
        {
            Assert.Contains(text, row, StringComparison.Ordinal);
        }

        Assert.Contains("id=\"devices-live\" data-live", html, StringComparison.Ordinal);
        foreach (var field in new[] { "q", "site", "tag", "status", "release", "limit" })
        {
            Assert.Contains($"<label for=\"f-{field}\">", html, StringComparison.Ordinal);
            Assert.Matches($"<(input|select) id=\"f-{field}\" name=\"{field}\"", html);
        }
    }

    [Fact]
    public async Task DevicesPage_PagesFiftyAtATime_PagerKeepsFilters()
    {
        await using var server = await OutpostTestServer.StartAsync(time: new FakeTimeProvider(Now));
        var seed = await DeviceFleetSeed.CreateAsync(server, Now);
        for (var i = 0; i < 120; i++)
        {
            await seed.AddAsync($"dev-{i:D3}", i % 2 == 0 ? "even" : "odd", ["t"], $"host-{i:D3}", Now);
        }

        using var client = await DeviceFleetSeed.LoginAsync(server, server.InitialAdminToken!);

        var (_, first) = await DeviceFleetSeed.GetAsync(client, "/dashboard/devices");
        Assert.Equal(120, DeviceFleetSeed.Total(first));
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"dev-{i:D3}"), DeviceFleetSeed.RowIds(first));
        Assert.Contains("href=\"/dashboard/devices?offset=50\">Next<", first, StringComparison.Ordinal);
        Assert.DoesNotContain(">Previous<", first, StringComparison.Ordinal);

        var (_, evenPage2) = await DeviceFleetSeed.GetAsync(client, "/dashboard/devices?site=even&status=online&limit=25&offset=25");
        Assert.Equal(60, DeviceFleetSeed.Total(evenPage2));
        Assert.Equal(Enumerable.Range(25, 25).Select(i => $"dev-{2 * i:D3}"), DeviceFleetSeed.RowIds(evenPage2));
        Assert.Contains("href=\"/dashboard/devices?site=even&amp;status=online&amp;limit=25\">Previous<", evenPage2, StringComparison.Ordinal);
        Assert.Contains("href=\"/dashboard/devices?site=even&amp;status=online&amp;limit=25&amp;offset=50\">Next<", evenPage2, StringComparison.Ordinal);

        var (_, last) = await DeviceFleetSeed.GetAsync(client, "/dashboard/devices?limit=200&offset=100");
        Assert.Equal(Enumerable.Range(100, 20).Select(i => $"dev-{i:D3}"), DeviceFleetSeed.RowIds(last));
        Assert.DoesNotContain(">Next<", last, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?status=bogus", "status must be online, offline or revoked")]
    [InlineData("?status=1", "status must be online, offline or revoked")]
    [InlineData("?limit=201", "limit must be an integer between 1 and 200")]
    [InlineData("?limit=0", "limit must be an integer between 1 and 200")]
    [InlineData("?offset=-1", "offset must be a non-negative integer")]
    [InlineData("?offset=abc", "offset must be a non-negative integer")]
    [InlineData("?offset=99999999999999999999", "offset must be a non-negative integer")]
    public async Task DevicesPage_BadParameter_Is400WithAClearMessage(string query, string message)
    {
        await using var server = await OutpostTestServer.StartAsync(time: new FakeTimeProvider(Now));
        using var client = await DeviceFleetSeed.LoginAsync(server, server.InitialAdminToken!);

        var (status, html) = await DeviceFleetSeed.GetAsync(client, "/dashboard/devices" + query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"devices-error\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"who\"", html, StringComparison.Ordinal); // still the whole page, with the filter form
        Assert.Contains("name=\"q\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DevicesPage_HostileSearchAndHugeOffset_RenderSafely()
    {
        await using var server = await OutpostTestServer.StartAsync(time: new FakeTimeProvider(Now));
        var seed = await DeviceFleetSeed.CreateAsync(server, Now);
        await seed.AddAsync("dev-a", hostname: "<b>host</b>", seen: Now);
        using var client = await DeviceFleetSeed.LoginAsync(server, server.InitialAdminToken!);

        var (status, html) = await DeviceFleetSeed.GetAsync(client, "/dashboard/devices?q=" + Uri.EscapeDataString("<script>alert(1)</script>\"'"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Equal(0, DeviceFleetSeed.Total(html));

        var (_, listed) = await DeviceFleetSeed.GetAsync(client, "/dashboard/devices?q=%3Cb%3E");
        Assert.Equal(["dev-a"], DeviceFleetSeed.RowIds(listed));
        Assert.Contains("&lt;b&gt;host&lt;/b&gt;", listed, StringComparison.Ordinal);

        var (hugeStatus, huge) = await DeviceFleetSeed.GetAsync(client, $"/dashboard/devices?offset={int.MaxValue}");
        Assert.Equal(HttpStatusCode.OK, hugeStatus);
        Assert.Equal(1, DeviceFleetSeed.Total(huge));
        Assert.Empty(DeviceFleetSeed.RowIds(huge));
        Assert.Contains(">Previous<", huge, StringComparison.Ordinal);

        var (longStatus, tooLong) = await DeviceFleetSeed.GetAsync(client, "/dashboard/devices?q=" + new string('x', 201));
        Assert.Equal(HttpStatusCode.BadRequest, longStatus);
        Assert.Contains("q must be at most 200 characters", tooLong, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dashboard/devices?site=north")]
    [InlineData("/dashboard/devices/dev-a")]
    public async Task DevicePages_WithoutSession_RedirectToLogin(string path)
    {
        await using var server = await OutpostTestServer.StartAsync(time: new FakeTimeProvider(Now));
        using var anonymous = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = server.AdminApi };

        var response = await anonymous.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dashboard/login?next=" + Uri.EscapeDataString(path), response.Headers.Location?.OriginalString);
    }

    private static string Row(string html, string id)
    {
        var start = html.IndexOf($"<tr data-device-id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row for {id}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
