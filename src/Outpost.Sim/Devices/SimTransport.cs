using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using Outpost.Agent.Sync;
using Outpost.Protocol.Devices;

namespace Outpost.Sim.Devices;

/// <summary>
/// What sits between the agent's check-in loop and its real HTTPS transport in a virtual device: the network
/// conditions (partition, slow link), the simulated update engine's report on every check-in, its reaction to the
/// desired release, metrics uploads, and the measurements. Everything on the wire is the agent's own code.
/// </summary>
internal sealed class SimTransport(HttpDeviceTransport inner, SimDevice device, X509Certificate2 certificate) : IDeviceTransport
{
    private X509Certificate2 _certificate = certificate;
    private bool _partitioned;

    public async Task<DeviceCallResult<CheckInResponse>> CheckInAsync(CheckInRequest request, CancellationToken cancellationToken)
    {
        var now = device.Time.GetUtcNow();
        if (device.Partitioned(now))
        {
            if (!_partitioned)
            {
                // A partition also kills the open connection; the device reconnects (new TLS handshake) afterwards.
                _partitioned = true;
                ResetConnections();
            }

            device.Online = false;
            return DeviceCallResult<CheckInResponse>.Fail(DeviceCallStatus.Unavailable, "simulated network partition");
        }

        _partitioned = false;
        if (device.Profile.Latency > TimeSpan.Zero)
        {
            await Task.Delay(device.Profile.Latency, device.Time, cancellationToken);
        }

        var engine = device.Engine;
        engine.Advance(now);
        var report = request with { Update = engine.Report, CurrentRelease = engine.Current, PreviousRelease = engine.Previous };
        var started = Stopwatch.GetTimestamp();
        var result = await inner.CheckInAsync(report, cancellationToken);
        device.Stats.RecordCheckIn(device.SiteIndex, Stopwatch.GetElapsedTime(started), result.Status, result.Detail);
        device.Online = result.Status == DeviceCallStatus.Ok;
        if (result.Value is { } answer)
        {
            engine.OnDesired(answer.Desired.ReleaseId, device.Time.GetUtcNow());
            await device.Metrics.UploadIfDueAsync(inner, cancellationToken);
        }

        return result;
    }

    public Task<DeviceCallResult<CertificateRenewalResponse>> RenewCertificateAsync(
        CertificateRenewalRequest request, CancellationToken cancellationToken) =>
        inner.RenewCertificateAsync(request, cancellationToken);

    public void UseClientCertificate(X509Certificate2 certificate)
    {
        _certificate = certificate;
        inner.UseClientCertificate(certificate);
    }

    /// <summary>Drops the connection pool (the agent's own way to start over with a certificate).</summary>
    public void ResetConnections() => inner.UseClientCertificate(_certificate);
}
