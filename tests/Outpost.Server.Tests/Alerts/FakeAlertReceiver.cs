using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Outpost.Server.Tests.Alerts;

/// <summary>
/// An HTTP server on 127.0.0.1 (port 0) standing in for Alertmanager: records every <c>POST /api/v2/alerts</c> body
/// and answers with the queued status codes first (to exercise retries), then 200.
/// </summary>
internal sealed class FakeAlertReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeAlertReceiver(WebApplication app) => this.app = app;

    public string Url { get; private set; } = "";

    public ConcurrentQueue<int> Failures { get; } = new();

    public ConcurrentQueue<(string Path, string ContentType, JsonArray Body)> Posts { get; } = new();

    public int Attempts => attempts;

    private int attempts;

    public static async Task<FakeAlertReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new FakeAlertReceiver(app);
        app.MapPost("/api/v2/alerts", async (HttpContext http) =>
        {
            Interlocked.Increment(ref receiver.attempts);
            if (receiver.Failures.TryDequeue(out var status))
            {
                return Results.Text("{\"code\":503,\"message\":\"busy\"}", "application/json", statusCode: status);
            }

            var body = (JsonArray)(await JsonNode.ParseAsync(http.Request.Body))!;
            receiver.Posts.Enqueue((http.Request.Path, http.Request.ContentType ?? "", body));
            return Results.Ok();
        });
        await app.StartAsync();
        receiver.Url = app.Urls.Single();
        return receiver;
    }

    /// <summary>Polls (real time, generous deadline) until a post satisfies <paramref name="condition"/>.</summary>
    public async Task<JsonArray> WaitForPostAsync(Func<JsonArray, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var match = Posts.Select(p => p.Body).FirstOrDefault(condition);
            if (match is not null)
            {
                return match;
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"No matching alert post within 30 s; got {Posts.Count} posts.");
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
