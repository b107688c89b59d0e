using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Outpost.Protocol;
using Outpost.Protocol.Devices;
using Outpost.Server.Storage;
using Outpost.Server.Tests.Harness;

namespace Outpost.Server.Tests.Dashboard;

/// <summary>
/// Devices written straight through the server's own store (enrollment over mTLS for each of hundreds of devices would only
/// slow the tests down; the device API has its own tests), and a logged-in dashboard client.
/// </summary>
internal sealed partial class DeviceFleetSeed(OutpostTestServer server, string enrollmentTokenId, DateTimeOffset now)
{
    private int enrolled;

    public static async Task<DeviceFleetSeed> CreateAsync(OutpostTestServer server, DateTimeOffset now)
    {
        var token = await server.CreateEnrollmentTokenAsync(maxUses: 10_000);
        return new DeviceFleetSeed(server, token.Info.Id, now);
    }

    public IDeviceStore Devices => server.Services.GetRequiredService<IDeviceStore>();

    /// <summary>Enrolls a device (in call order) and, when <paramref name="seen"/> is set, applies one check-in.</summary>
    public async Task AddAsync(
        string id, string site = "plant-1", string[]? tags = null, string? hostname = null, DateTimeOffset? seen = null,
        string? release = null, UpdateReport? update = null, SystemSnapshot? system = null)
    {
        var device = new DeviceRecord
        {
            Id = id, Hostname = hostname, Site = site, Tags = tags ?? [], EnrolledAt = now.AddMinutes(-60).AddSeconds(Interlocked.Increment(ref enrolled)),
            CertificateSerial = "0A1B2C", CertificateNotAfter = now.AddDays(20).AddHours(1),
        };
        Assert.Equal(EnrollOutcome.Enrolled, await Devices.EnrollAsync(device, enrollmentTokenId, now, TestContext.Current.CancellationToken));
        if (seen is { } at)
        {
            var snapshot = system ?? new SystemSnapshot { CpuPercent = 37, CpuCount = 4, MemoryTotalBytes = 1000, MemoryAvailableBytes = 250 };
            await Devices.ApplyCheckInsAsync(
                [new DeviceCheckIn(id, at, "1.4.2", "rpi4", JsonSerializer.Serialize(snapshot, OutpostJsonContext.Default.SystemSnapshot),
                    update is null ? null : JsonSerializer.Serialize(update, OutpostJsonContext.Default.UpdateReport), release, null)],
                TestContext.Current.CancellationToken);
        }
    }

    /// <summary>A cookie-keeping client logged in to the dashboard with <paramref name="token"/> (redirects not followed).</summary>
    public static async Task<HttpClient> LoginAsync(OutpostTestServer server, string token)
    {
        var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false };
        var client = new HttpClient(handler) { BaseAddress = server.AdminApi };
        var response = await client.PostAsync(
            "/dashboard/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["next"] = "/dashboard" }),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<(HttpStatusCode Status, string Html)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>The device ids of the table rows, in page order.</summary>
    public static string[] RowIds(string html) => [.. RowId().Matches(html).Select(m => m.Groups[1].Value)];

    public static int Total(string html) => int.Parse(TotalCount().Match(html).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("<tr data-device-id=\"([^\"]+)\"")]
    private static partial Regex RowId();

    [GeneratedRegex("data-testid=\"devices-total\">(\\d+)<")]
    private static partial Regex TotalCount();
}
