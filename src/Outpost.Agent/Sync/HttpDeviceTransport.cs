using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Serialization.Metadata;
using Outpost.Agent.Identity;
using Outpost.Protocol;
using Outpost.Protocol.Devices;
using Outpost.Protocol.Telemetry;

namespace Outpost.Agent.Sync;

/// <summary>
/// The device API over HTTPS with a client certificate, trusting only the pinned fleet CA.
/// A new client certificate gets a new connection pool: connections already open were authenticated with the old
/// certificate, and the server reads the identity from the handshake.
/// </summary>
internal sealed class HttpDeviceTransport : IDeviceTransport, IDisposable
{
    private readonly Uri _server;
    private readonly ServerPin _pin;
    private readonly TimeSpan _timeout;
    private readonly Lock _gate = new();
    private HttpClient _client;
    private X509Certificate2 _certificate;

    public HttpDeviceTransport(Uri server, ServerPin pin, X509Certificate2 clientCertificate, TimeSpan timeout)
    {
        _server = server;
        _pin = pin;
        _timeout = timeout;
        _certificate = clientCertificate;
        _client = CreateClient(clientCertificate);
    }

    /// <summary>
    /// A separate client with the same pinned-CA and client-certificate settings, owned by the caller: long downloads
    /// (releases) must not share the check-in client, which is replaced when the certificate is renewed.
    /// </summary>
    public HttpClient CreateDetachedClient()
    {
        lock (_gate)
        {
            var client = CreateClient(_certificate);
            client.Timeout = Timeout.InfiniteTimeSpan;
            return client;
        }
    }

    public Task<DeviceCallResult<CheckInResponse>> CheckInAsync(CheckInRequest request, CancellationToken cancellationToken) =>
        DeviceApiHttp.PostAsync(
            Client, DeviceApiRoutes.CheckIn, request, OutpostJsonContext.Default.CheckInRequest,
            OutpostJsonContext.Default.CheckInResponse, () => _pin.LastError, cancellationToken);

    public Task<DeviceCallResult<CertificateRenewalResponse>> RenewCertificateAsync(
        CertificateRenewalRequest request, CancellationToken cancellationToken) =>
        DeviceApiHttp.PostAsync(
            Client, DeviceApiRoutes.RenewCertificate, request, OutpostJsonContext.Default.CertificateRenewalRequest,
            OutpostJsonContext.Default.CertificateRenewalResponse, () => _pin.LastError, cancellationToken);

    /// <summary>A POST with a prepared body over the current mTLS client (telemetry uploads: gzip content).</summary>
    public Task<DeviceCallResult<TResponse>> PostAsync<TResponse>(
        string path, HttpContent content, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
        where TResponse : class =>
        DeviceApiHttp.PostAsync(Client, path, content, responseType, () => _pin.LastError, cancellationToken);
    /// <summary>One outbox batch; the answer says up to which sequence the server stored the stream.</summary>
    public Task<DeviceCallResult<TelemetryAck>> UploadTelemetryAsync(TelemetryBatch batch, CancellationToken cancellationToken) =>
        DeviceApiHttp.PostAsync(
            Client, DeviceApiRoutes.Telemetry, batch, OutpostJsonContext.Default.TelemetryBatch,
            OutpostJsonContext.Default.TelemetryAck, () => _pin.LastError, cancellationToken);

    public void UseClientCertificate(X509Certificate2 certificate)
    {
        HttpClient old;
        lock (_gate)
        {
            old = _client;
            _certificate = certificate;
            _client = CreateClient(certificate);
        }

        // The check-in loop is sequential, so no request is in flight on the old client at this point.
        old.Dispose();
    }

    public void Dispose() => Client.Dispose();

    private HttpClient Client
    {
        get
        {
            lock (_gate)
            {
                return _client;
            }
        }
    }

    private HttpClient CreateClient(X509Certificate2 clientCertificate)
    {
        var handler = new SocketsHttpHandler
        {
            // Check-ins are seconds apart; keep the connection (and its TLS session) but not forever.
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            PooledConnectionLifetime = TimeSpan.FromMinutes(30),
            ConnectTimeout = _timeout,
        };
        _pin.Apply(handler.SslOptions);
        handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => clientCertificate;
        handler.SslOptions.ClientCertificates = [clientCertificate];
        return new HttpClient(handler) { BaseAddress = _server, Timeout = _timeout };
    }
}
