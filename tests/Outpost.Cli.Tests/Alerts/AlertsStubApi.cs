using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Outpost.Protocol;
using Outpost.Protocol.Alerts;

namespace Outpost.Cli.Tests.Alerts;

/// <summary>
/// <c>GET /v1/alerts</c> as the server answers it (state and device filters, viewer token, problem+json on a bad
/// state), with canned alerts; records every query string.
/// </summary>
internal sealed class AlertsStubApi : IAsyncDisposable
{
    public const string ViewerToken = "viewer-secret";

    private readonly WebApplication app;

    private AlertsStubApi(WebApplication app) => this.app = app;

    public string Url { get; private set; } = "";

    public List<AlertView> Alerts { get; } = [.. Canned()];

    public ConcurrentQueue<string> Queries { get; } = new();

    public static async Task<AlertsStubApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var stub = new AlertsStubApi(app);
        app.MapGet(AlertApiRoutes.Alerts, (HttpContext http) =>
        {
            stub.Queries.Enqueue(http.Request.QueryString.Value ?? "");
            if (http.Request.Headers.Authorization.ToString() != "Bearer " + ViewerToken)
            {
                return Results.Problem(statusCode: 401, title: "Unauthorized", detail: "The bearer token is not valid: unknown admin token.");
            }

            var state = http.Request.Query["state"].ToString();
            var device = http.Request.Query["device"].ToString();
            var items = stub.Alerts
                .Where(a => state == "all" || (state == "resolved" ? a.State == AlertState.Resolved : a.State == AlertState.Firing))
                .Where(a => device.Length == 0 || a.DeviceId == device)
                .ToList();
            return Results.Json(new AlertList { Items = items }, OutpostJsonContext.Default.AlertList);
        });
        await app.StartAsync();
        stub.Url = app.Urls.Single();
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static IEnumerable<AlertView> Canned()
    {
        var now = StubData.Now;
        yield return new AlertView
        {
            Id = "alr-1", Rule = "device-offline", Fingerprint = "device-offline:device=dev-berlin-02,site=berlin", State = AlertState.Firing,
            Severity = "critical", DeviceId = "dev-berlin-02",
            Labels = new Dictionary<string, string> { ["alertname"] = "OutpostDeviceOffline", ["device"] = "dev-berlin-02", ["site"] = "berlin" },
            Summary = "Device cam-yard-2 (site berlin) is offline: last check-in 7m ago",
            RunbookUrl = "http://outpost:8080/v1/runbooks/device-offline.md",
            StartedAt = now.AddMinutes(-2), LastEvaluatedAt = now,
        };
        yield return new AlertView
        {
            Id = "alr-2", Rule = "rollout-halted", Fingerprint = "rollout-halted:release=cam@2.0.0,rollout=ro-7", State = AlertState.Firing,
            Severity = "warning", Labels = new Dictionary<string, string> { ["rollout"] = "ro-7", ["release"] = "cam@2.0.0" },
            Summary = "Rollout ro-7 of cam@2.0.0 is halted", RunbookUrl = "http://outpost:8080/v1/runbooks/rollout-halted.md",
            StartedAt = now.AddHours(-3), LastEvaluatedAt = now,
        };
        yield return new AlertView
        {
            Id = "alr-0", Rule = "disk-full", Fingerprint = "disk-full:device=dev-berlin-01,mount=/,site=berlin", State = AlertState.Resolved,
            Severity = "critical", DeviceId = "dev-berlin-01",
            Labels = new Dictionary<string, string> { ["device"] = "dev-berlin-01", ["mount"] = "/" },
            Summary = "Disk / on cam-gate-1 is 93% full", RunbookUrl = "http://outpost:8080/v1/runbooks/disk-full.md",
            StartedAt = now.AddDays(-2), ResolvedAt = now.AddDays(-1), LastEvaluatedAt = now.AddDays(-1),
        };
    }
}
