using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Outpost.Server.Storage;
using Outpost.Server.Tests.Harness;

namespace Outpost.Server.Tests.Dashboard;

/// <summary>
/// The device table over 10,000 devices: totals, the last page, filters and search stay right. Server times are written to
/// the test output for docs/dashboard.md, never asserted (the machine's load is not the code's).
/// </summary>
public sealed class DevicePagesScaleTests
{
    private const int Fleet = 10_000;
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    [Fact]
    public async Task DevicesPage_TenThousandDevices_PagesFiltersAndSearchesRight()
    {
        await using var server = await OutpostTestServer.StartAsync(time: new FakeTimeProvider(Now));
        await InsertFleetAsync(server.Services.GetRequiredService<StoreDatabase>());
        using var client = await DeviceFleetSeed.LoginAsync(server, server.InitialAdminToken!);

        async Task<string> Page(string query)
        {
            var watch = Stopwatch.StartNew();
            var (status, html) = await DeviceFleetSeed.GetAsync(client, "/dashboard/devices" + query);
            TestContext.Current.TestOutputHelper?.WriteLine($"GET /dashboard/devices{query}: {watch.ElapsedMilliseconds} ms, {html.Length} chars");
            Assert.Equal(HttpStatusCode.OK, status);
            return html;
        }

        await Page(""); // warm-up: the first render compiles the component tree
        var first = await Page("");
        Assert.Equal(Fleet, DeviceFleetSeed.Total(first));
        Assert.Equal(Enumerable.Range(0, 50).Select(Id), DeviceFleetSeed.RowIds(first));
        Assert.Equal(Enumerable.Range(9950, 50).Select(Id), DeviceFleetSeed.RowIds(await Page("?offset=9950")));
        Assert.Equal(200, DeviceFleetSeed.RowIds(await Page("?limit=200&offset=5000")).Length);
        Assert.Equal(Fleet / 10, DeviceFleetSeed.Total(await Page("?site=site-3")));
        Assert.Equal(Fleet / 4, DeviceFleetSeed.Total(await Page("?release=vision%401.3.0")));
        Assert.Equal(Fleet / 2, DeviceFleetSeed.Total(await Page("?status=offline")));
        Assert.Equal(Fleet / 5, DeviceFleetSeed.Total(await Page("?tag=line-2")));
        Assert.Equal([Id(4242)], DeviceFleetSeed.RowIds(await Page("?q=HOST-04242")));
        Assert.Equal(11, DeviceFleetSeed.Total(await Page("?q=0424"))); // dev-00424 and dev-04240..04249 (ids and hostnames)

        var watch = Stopwatch.StartNew();
        var (detailStatus, _) = await DeviceFleetSeed.GetAsync(client, "/dashboard/devices/" + Id(4242));
        TestContext.Current.TestOutputHelper?.WriteLine($"GET /dashboard/devices/{Id(4242)}: {watch.ElapsedMilliseconds} ms");
        Assert.Equal(HttpStatusCode.OK, detailStatus);
    }

    private static string Id(int i) => string.Create(CultureInfo.InvariantCulture, $"dev-{i:D5}");

    /// <summary>The fleet in one transaction (enrolling 10,000 devices one by one would dominate the test).</summary>
    private static async Task InsertFleetAsync(StoreDatabase database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var insert = connection.Sql(
            "INSERT INTO devices (id, hostname, site, tags_json, enrolled_at, certificate_serial, certificate_not_after, last_seen_at, " +
            "agent_version, device_class, system_json, current_release) VALUES (@id, @host, @site, @tags, @enrolled, '01', @notAfter, @seen, " +
            "'1.4.2', 'rpi4', @system, @release);", transaction);
        string[] names = ["@id", "@host", "@site", "@tags", "@enrolled", "@notAfter", "@seen", "@system", "@release"];
        var parameters = names.Select(n => { insert.With(n, null); return insert.Parameters[n]; }).ToArray();
        for (var i = 0; i < Fleet; i++)
        {
            parameters[0].Value = Id(i);
            parameters[1].Value = string.Create(CultureInfo.InvariantCulture, $"host-{i:D5}");
            parameters[2].Value = string.Create(CultureInfo.InvariantCulture, $"site-{i % 10}");
            parameters[3].Value = string.Create(CultureInfo.InvariantCulture, $"[\"camera\",\"line-{i % 5}\"]");
            parameters[4].Value = Now.AddDays(-30).AddSeconds(i).ToUnixTimeMilliseconds();
            parameters[5].Value = Now.AddDays(20).ToUnixTimeMilliseconds();
            parameters[6].Value = i % 2 == 0 ? Now.ToUnixTimeMilliseconds() : Now.AddHours(-1).ToUnixTimeMilliseconds();
            parameters[7].Value = "{\"cpuPercent\":12.5,\"cpuCount\":4,\"memoryTotalBytes\":4000000000,\"memoryAvailableBytes\":1000000000," +
                "\"disks\":[{\"mount\":\"/\",\"totalBytes\":100,\"freeBytes\":40}]}";
            parameters[8].Value = i % 4 == 0 ? "vision@1.3.0" : "vision@1.2.0";
            await insert.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }
}
