using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Authentication;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Outpost.Cli.Config;
using Outpost.Protocol;
using Outpost.Protocol.Admin;

namespace Outpost.Cli.Api;

/// <summary>
/// Typed calls to the admin API. Every failure surfaces as <see cref="AdminApiException"/> (the server answered
/// with an error) or <see cref="CliException"/> (unreachable, timed out, unreadable answer), each with a one-line
/// message, so commands never deal with HTTP details.
/// </summary>
internal sealed class AdminApiClient : IDisposable
{
    /// <summary>Far above any admin answer (a page of devices is a few hundred KiB); a runaway body fails instead.</summary>
    private const long MaxResponseBytes = 64L << 20;

    private readonly HttpClient http;
    private readonly string server;
    private readonly TimeSpan timeout;
    private readonly PrivateCaTrust? trust;

    private AdminApiClient(HttpClient http, string server, TimeSpan timeout, PrivateCaTrust? trust)
    {
        this.http = http;
        this.server = server;
        this.timeout = timeout;
        this.trust = trust;
    }

    public static AdminApiClient Create(ConnectionSettings settings, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);
        var trust = settings.CaFile is null ? null : PrivateCaTrust.Load(settings.CaFile, context.Time);
        var handler = new SocketsHttpHandler { ConnectTimeout = context.HttpTimeout };
        if (trust is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                trust.Validate(certificate, chain, errors);
        }

        // The per-call deadline lives in SendCoreAsync, so uploads can use a stall timeout instead of a total one.
        var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan, MaxResponseContentBufferSize = MaxResponseBytes };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", settings.Token);
        http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        http.DefaultRequestHeaders.Accept.ParseAdd("application/problem+json");
        http.DefaultRequestHeaders.UserAgent.ParseAdd($"outpost-cli/{typeof(AdminApiClient).Assembly.GetName().Version?.ToString(3)}");
        return new AdminApiClient(http, settings.Server, context.HttpTimeout, trust);
    }

    public Task<AdminTokenView> WhoAmIAsync(CancellationToken ct) =>
        SendAsync(HttpMethod.Get, AdminApiRoutes.WhoAmI, null, Json.AdminTokenView, ct);

    public Task<DeviceList> ListDevicesAsync(DeviceQuery query, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, AdminApiRoutes.Devices + query.ToQueryString(), null, Json.DeviceList, ct);

    public Task<DeviceView> GetDeviceAsync(string id, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, AdminApiRoutes.Device(id), null, Json.DeviceView, ct);

    public Task<DeviceView> RevokeDeviceAsync(string id, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, AdminApiRoutes.RevokeDevice(id), null, Json.DeviceView, ct);

    public Task<DeviceView> SetDesiredReleaseAsync(string id, string? release, CancellationToken ct) =>
        SendAsync(HttpMethod.Put, AdminApiRoutes.DesiredRelease(id),
            JsonContent.Create(new SetDesiredReleaseRequest { Release = release }, Json.SetDesiredReleaseRequest), Json.DeviceView, ct);

    public Task<CreatedEnrollmentToken> CreateEnrollmentTokenAsync(CreateEnrollmentTokenRequest request, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, AdminApiRoutes.EnrollmentTokens, JsonContent.Create(request, Json.CreateEnrollmentTokenRequest), Json.CreatedEnrollmentToken, ct);

    public Task<IReadOnlyList<EnrollmentTokenView>> ListEnrollmentTokensAsync(CancellationToken ct) =>
        SendAsync(HttpMethod.Get, AdminApiRoutes.EnrollmentTokens, null, Json.IReadOnlyListEnrollmentTokenView, ct);

    public Task<EnrollmentTokenView> RevokeEnrollmentTokenAsync(string id, CancellationToken ct) =>
        SendAsync(HttpMethod.Delete, AdminApiRoutes.EnrollmentToken(id), null, Json.EnrollmentTokenView, ct);

    public Task<CreatedAdminToken> CreateAdminTokenAsync(CreateAdminTokenRequest request, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, AdminApiRoutes.AdminTokens, JsonContent.Create(request, Json.CreateAdminTokenRequest), Json.CreatedAdminToken, ct);

    public Task<IReadOnlyList<AdminTokenView>> ListAdminTokensAsync(CancellationToken ct) =>
        SendAsync(HttpMethod.Get, AdminApiRoutes.AdminTokens, null, Json.IReadOnlyListAdminTokenView, ct);

    public Task<AdminTokenView> RevokeAdminTokenAsync(string id, CancellationToken ct) =>
        SendAsync(HttpMethod.Delete, AdminApiRoutes.AdminToken(id), null, Json.AdminTokenView, ct);

    public void Dispose() => http.Dispose();

    private static OutpostJsonContext Json => OutpostJsonContext.Default;

    /// <summary>
    /// One admin API call with the shared error handling; later features (releases, rollouts) add their typed
    /// methods on top of it. <paramref name="route"/> starts with '/' and is appended to the server URL.
    /// </summary>
    public async Task<T> SendAsync<T>(HttpMethod method, string route, HttpContent? content, JsonTypeInfo<T> type, CancellationToken ct)
    {
        var body = await SendForBytesAsync(method, route, content, ct);
        try
        {
            return JsonSerializer.Deserialize(body, type)
                ?? throw new CliException($"unexpected answer from {server}{route}: empty body");
        }
        catch (JsonException e)
        {
            throw new CliException($"unexpected answer from {server}{route}: {e.Message}", ExitCodes.Failure, e);
        }
    }

    /// <summary>
    /// The body of a successful answer exactly as sent: signed TUF metadata is verified over its bytes, so it must
    /// not go through a deserialize/serialize round trip.
    /// </summary>
    public Task<byte[]> SendForBytesAsync(HttpMethod method, string route, HttpContent? content, CancellationToken ct) =>
        SendCoreAsync(method, route, content, onProgress: null, ct);

    /// <summary>
    /// Streams <paramref name="source"/> as the request body. The timeout applies to a stall (no byte sent or
    /// received for that long), not to the whole transfer: a 2 GiB artifact takes longer than any sane answer timeout.
    /// </summary>
    public async Task<byte[]> UploadAsync(
        HttpMethod method, string route, Stream source, long length, Action<long>? progress, CancellationToken ct)
    {
        using var content = new ProgressStreamContent(source, length);
        return await SendCoreAsync(method, route, content, sent => progress?.Invoke(sent), ct);
    }

    private async Task<byte[]> SendCoreAsync(
        HttpMethod method, string route, HttpContent? content, Action<long>? onProgress, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, server + route) { Content = content };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        var uploading = false;
        if (onProgress is not null && content is ProgressStreamContent progressContent)
        {
            uploading = true;
            progressContent.Progress = sent =>
            {
                // Each chunk the server takes restarts the stall timer.
                deadline.CancelAfter(timeout);
                uploading = sent < progressContent.Headers.ContentLength;
                onProgress(sent);
            };
        }

        try
        {
            // ResponseContentRead (the default): the deadline then also covers the body, so a server that sends
            // headers and stalls cannot hang the CLI.
            using var response = await http.SendAsync(request, deadline.Token);
            var body = await response.Content.ReadAsByteArrayAsync(deadline.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new AdminApiException((int)response.StatusCode, ProblemMessage.From(response.StatusCode, System.Text.Encoding.UTF8.GetString(body)));
            }

            return body;
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException
                                  && deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            // A cancelled upload surfaces as "error while copying content", so the deadline is what tells.
            var what = uploading ? "upload stalled, no progress" : "no answer";
            throw new CliException($"cannot reach server at {server}: {what} within {timeout.TotalSeconds:0.#} s", ExitCodes.Failure, e);
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"cannot reach server at {server}: {Describe(e)}", ExitCodes.Failure, e);
        }
    }

    private string Describe(HttpRequestException e)
    {
        if (e.InnerException is AuthenticationException tls)
        {
            return $"TLS handshake failed: {trust?.LastError ?? tls.Message}";
        }

        // "Connection refused (host:port)", "Name or service not known (host:port)": already one precise line.
        return e.Message;
    }
}
