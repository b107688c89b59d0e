using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;
using Outpost.Agent.Sync;
using Outpost.Protocol.Devices;

namespace Outpost.Agent.Tests.Sync;

/// <summary>A device API without sockets: the test flips <see cref="Mode"/> and reads the recorded calls.</summary>
internal sealed class FakeDeviceTransport(FakeTimeProvider time) : IDeviceTransport
{
    public enum ServerMode
    {
        Up,
        Down,
        Revoked,
        Unauthorized,
    }

    public ServerMode Mode { get; set; } = ServerMode.Up;

    public int NextCheckInSeconds { get; set; } = 30;

    public List<(DateTimeOffset At, bool Succeeded, CheckInRequest Request)> CheckIns { get; } = [];

    public List<CertificateRenewalRequest> Renewals { get; } = [];

    /// <summary>What the server answers as the device's desired state.</summary>
    public DesiredState Desired { get; set; } = DesiredState.Empty;

    public List<X509Certificate2> ClientCertificates { get; } = [];

    public Func<CertificateRenewalRequest, DeviceCallResult<CertificateRenewalResponse>>? RenewResponder { get; set; }

    public Task<DeviceCallResult<CheckInResponse>> CheckInAsync(CheckInRequest request, CancellationToken cancellationToken)
    {
        CheckIns.Add((time.GetUtcNow(), Mode == ServerMode.Up, request));
        return Task.FromResult(Mode switch
        {
            ServerMode.Up => DeviceCallResult<CheckInResponse>.Ok(new CheckInResponse
            {
                Desired = Desired,
                NextCheckInSeconds = NextCheckInSeconds,
                ServerTime = time.GetUtcNow(),
            }),
            ServerMode.Revoked => DeviceCallResult<CheckInResponse>.Fail(DeviceCallStatus.Revoked, "HTTP 403: device revoked"),
            ServerMode.Unauthorized => DeviceCallResult<CheckInResponse>.Fail(DeviceCallStatus.Refused, "HTTP 401: certificate expired"),
            _ => DeviceCallResult<CheckInResponse>.Fail(DeviceCallStatus.Unavailable, "Connection refused (127.0.0.1:8443)"),
        });
    }

    public Task<DeviceCallResult<CertificateRenewalResponse>> RenewCertificateAsync(
        CertificateRenewalRequest request, CancellationToken cancellationToken)
    {
        Renewals.Add(request);
        return Task.FromResult(Mode != ServerMode.Up || RenewResponder is null
            ? DeviceCallResult<CertificateRenewalResponse>.Fail(DeviceCallStatus.Unavailable, "server down")
            : RenewResponder(request));
    }

    public void UseClientCertificate(X509Certificate2 certificate) => ClientCertificates.Add(certificate);
}
