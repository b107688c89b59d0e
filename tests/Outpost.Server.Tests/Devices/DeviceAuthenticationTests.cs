using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;
using Outpost.Protocol.Admin;
using Outpost.Server.Tests.Harness;

namespace Outpost.Server.Tests.Devices;

/// <summary>Every way to call a device route without a valid identity is refused and the refusal is logged.</summary>
public sealed class DeviceAuthenticationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CheckIn_NoClientCertificate_401Logged()
    {
        await using var server = await OutpostTestServer.StartAsync();
        using var client = server.DeviceClient(null);

        var response = await client.PostAsync(Protocol.DeviceApiRoutes.CheckIn, new StringContent("{}", null, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("no client certificate", (await response.ReadProblemAsync()).Detail);
        Assert.True(server.Logged("DeviceRequestRefused", "no client certificate"));
    }

    [Fact]
    public async Task CheckIn_CertificateFromAnotherCa_401EvenWithAnEnrolledDeviceId()
    {
        await using var server = await OutpostTestServer.StartAsync();
        using var device = await TestDevice.EnrollAsync(server, (await server.CreateEnrollmentTokenAsync()).Token);
        using var rogueKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var rogueCa = new CertificateRequest("CN=Outpost Fleet CA, O=Outpost", rogueKey, HashAlgorithmName.SHA256);
        rogueCa.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var rogueCaCert = rogueCa.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leaf = new CertificateRequest($"CN={device.Id}", key, HashAlgorithmName.SHA256);
        using var forged = leaf.Create(rogueCaCert, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(10), [1, 2, 3]);
        using var forgedWithKey = TestDevice.WithKey(forged.ExportCertificatePem(), key);
        using var client = server.DeviceClient(forgedWithKey);

        var response = await client.PostAsJsonAsync(Protocol.DeviceApiRoutes.CheckIn, TestDevice.SampleCheckIn(), Protocol.OutpostJsonContext.Default.CheckInRequest, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(server.Logged("DeviceRequestRefused", "not valid for this fleet"));
        Assert.Null((await server.GetDeviceAsync(device.Id)).LastSeenAt);
    }

    [Fact]
    public async Task CheckIn_ExpiredCertificate_401Logged()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await OutpostTestServer.StartAsync(time: time);
        using var device = await TestDevice.EnrollAsync(server, (await server.CreateEnrollmentTokenAsync()).Token);
        Assert.Equal(HttpStatusCode.OK, (await device.CheckInAsync()).StatusCode);

        time.Advance(TimeSpan.FromDays(31));
        var sameConnection = await device.CheckInAsync();
        using var fresh = server.DeviceClient(device.Certificate);
        var newConnection = await fresh.PostAsJsonAsync(Protocol.DeviceApiRoutes.CheckIn, TestDevice.SampleCheckIn(), Protocol.OutpostJsonContext.Default.CheckInRequest, Ct);

        // Both paths: the per-connection validation cache and a full chain build.
        Assert.Equal(HttpStatusCode.Unauthorized, sameConnection.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, newConnection.StatusCode);
        Assert.True(server.Logged("DeviceRequestRefused", "not valid for this fleet"));
    }

    [Fact]
    public async Task CheckIn_RevokedDevice_403OnTheVeryNextRequest()
    {
        await using var server = await OutpostTestServer.StartAsync();
        using var device = await TestDevice.EnrollAsync(server, (await server.CreateEnrollmentTokenAsync()).Token);
        Assert.Equal(HttpStatusCode.OK, (await device.CheckInAsync()).StatusCode);
        using var admin = server.AdminClient(server.InitialAdminToken);

        var revoke = await admin.PostAsync(AdminApiRoutes.RevokeDevice(device.Id), null, Ct);
        var afterRevoke = await device.CheckInAsync();

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, afterRevoke.StatusCode);
        Assert.Equal("device revoked", (await afterRevoke.ReadProblemAsync()).Detail);
        Assert.True(server.Logged("DeviceRequestRefused", "device revoked"));
        Assert.Equal(DeviceStatus.Revoked, (await server.GetDeviceAsync(device.Id)).Status);
    }

    [Fact]
    public async Task Renew_RevokedDevice_403()
    {
        await using var server = await OutpostTestServer.StartAsync();
        using var device = await TestDevice.EnrollAsync(server, (await server.CreateEnrollmentTokenAsync()).Token);
        using var admin = server.AdminClient(server.InitialAdminToken);
        await admin.PostAsync(AdminApiRoutes.RevokeDevice(device.Id), null, Ct);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var response = await device.Client.PostAsJsonAsync(
            Protocol.DeviceApiRoutes.RenewCertificate, new Protocol.Devices.CertificateRenewalRequest { CsrPem = Trust.Certificates.DeviceCsr.Create(key, device.Id) },
            Protocol.OutpostJsonContext.Default.CertificateRenewalRequest, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
