using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Outpost.Agent.Tests.Updates.Tuf;

/// <summary>
/// A static file server for a <see cref="TufTestRepository"/> on 127.0.0.1 (real Kestrel, real HTTP): metadata under
/// /metadata/, targets under /targets/. <see cref="Misbehave"/> lets a test answer a request itself (an attacker or a
/// broken mirror); every request path is recorded.
/// </summary>
internal sealed class TufTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TufTestServer(WebApplication app, TufTestRepository repository)
    {
        _app = app;
        Repository = repository;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        MetadataUrl = new Uri(address + "/metadata/");
        TargetsUrl = new Uri(address + "/targets/");
    }

    public TufTestRepository Repository { get; }

    public Uri MetadataUrl { get; }

    public Uri TargetsUrl { get; }

    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Each request's path with its Range and If-Range headers ("" when absent).</summary>
    public ConcurrentQueue<(string Path, string Range, string IfRange)> RangeHeaders { get; } = new();

    /// <summary>Returns true when it answered the request itself; the path is relative to /metadata/ or /targets/.</summary>
    public Func<HttpContext, string, Task<bool>>? Misbehave { get; set; }

    public int CountOf(string path) => Requests.Count(r => r == path);

    public static async Task<TufTestServer> StartAsync(TufTestRepository repository)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = (TufTestServer?)null;
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync();
        server = new TufTestServer(app, repository);
        return server;
    }

    /// <summary>Sends <paramref name="chunk"/> again and again until the client hangs up (or 1 GiB, as a backstop).</summary>
    public static async Task SendEndlesslyAsync(HttpContext context, byte[] chunk)
    {
        try
        {
            for (long sent = 0; sent < 1L << 30 && !context.RequestAborted.IsCancellationRequested; sent += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        Requests.Enqueue(path);
        RangeHeaders.Enqueue((path, context.Request.Headers.Range.ToString(), context.Request.Headers.IfRange.ToString()));
        var (files, name) = path.StartsWith("/metadata/", StringComparison.Ordinal) ? (Repository.MetadataFiles, path["/metadata/".Length..])
            : path.StartsWith("/targets/", StringComparison.Ordinal) ? (Repository.TargetFiles, path["/targets/".Length..])
            : (null, path);
        if (Misbehave is { } misbehave && await misbehave(context, name))
        {
            return;
        }

        if (files is null || !files.TryGetValue(name, out var bytes))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (files == Repository.TargetFiles)
        {
            // As outpost-server serves targets: Range requests honoured, ETag = the content's sha256 (for If-Range).
            var etag = new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))}\"");
            await Results.Bytes(bytes, "application/octet-stream", enableRangeProcessing: true, entityTag: etag).ExecuteAsync(context);
            return;
        }

        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }
}
