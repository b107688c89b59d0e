using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Outpost.Protocol;
using Outpost.Protocol.Devices;
using Outpost.Protocol.Enrollment;

namespace Outpost.Agent.Tests;

/// <summary>
/// A tiny real HTTPS device API on 127.0.0.1 (port 0) standing in for outpost-server: it sends leaf + CA in the
/// handshake like the real one, accepts (does not require) client certificates, and lets the test script replies.
/// </summary>
internal sealed class TestDeviceApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestDeviceApiServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public int EnrollCalls { get; private set; }

    public System.Collections.Concurrent.ConcurrentQueue<string?> CheckInClientThumbprints { get; } = new();

    public System.Collections.Concurrent.ConcurrentQueue<CheckInRequest> CheckIns { get; } = new();

    public Func<EnrollmentRequest, IResult> Enroll { get; set; } = _ => Results.StatusCode(500);

    /// <summary>What GET /v1/ca answers; null for 404 (a server without the route).</summary>
    public string? CaPem { get; set; }

    public static async Task<TestDeviceApiServer> StartAsync(X509Certificate2 serverCertificate, X509Certificate2 chainCa)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(new HttpsConnectionAdapterOptions
        {
            ServerCertificate = serverCertificate,
            ServerCertificateChain = [chainCa],
            ClientCertificateMode = Microsoft.AspNetCore.Server.Kestrel.Https.ClientCertificateMode.AllowCertificate,
            ClientCertificateValidation = (_, _, _) => true,
        })));
        var app = builder.Build();
        TestDeviceApiServer? server = null;
        app.MapPost(DeviceApiRoutes.Enroll, async (HttpContext context) =>
        {
            server!.EnrollCalls++;
            var request = await JsonSerializer.DeserializeAsync(context.Request.Body, OutpostJsonContext.Default.EnrollmentRequest);
            return server.Enroll(request!);
        });
        app.MapGet(DeviceApiRoutes.CaCertificate, () =>
            server!.CaPem is { } pem ? Results.Text(pem, "application/x-pem-file") : Results.NotFound());
        app.MapPost(DeviceApiRoutes.CheckIn, async (HttpContext context) =>
        {
            server!.CheckInClientThumbprints.Enqueue(context.Connection.ClientCertificate?.Thumbprint);
            server.CheckIns.Enqueue((await JsonSerializer.DeserializeAsync(context.Request.Body, OutpostJsonContext.Default.CheckInRequest))!);
            return Results.Json(
                new CheckInResponse { Desired = DesiredState.Empty, NextCheckInSeconds = 30, ServerTime = DateTimeOffset.UnixEpoch },
                OutpostJsonContext.Default.CheckInResponse);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var port = new Uri(address).Port;
        server = new TestDeviceApiServer(app, new Uri($"https://127.0.0.1:{port}")) { CaPem = chainCa.ExportCertificatePem() };
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
