using System.Net;
using System.Net.Http.Json;
using Outpost.Protocol;
using Outpost.Protocol.Admin;
using Outpost.Protocol.Devices;
using Outpost.Server.Tests.Harness;

namespace Outpost.Server.Tests.Devices;

public sealed class CheckInTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CheckIn_Enrolled_AnswersEmptyDesiredStateAndAdminSeesItOnlineAtOnce()
    {
        await using var server = await OutpostTestServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Outpost:Devices:CheckInInterval"] = "00:00:20",
            ["Outpost:Devices:CheckInFlushInterval"] = "00:01:00", // the admin read must not wait for the timer
        });
        using var device = await TestDevice.EnrollAsync(server, (await server.CreateEnrollmentTokenAsync()).Token);

        var response = await device.CheckInAsync(TestDevice.SampleCheckIn("1.2.3", "jetson-orin"));
        var answer = await response.Content.ReadFromJsonAsync(OutpostJsonContext.Default.CheckInResponse, Ct);
        var view = await server.GetDeviceAsync(device.Id);

        Assert.Equal((DesiredState.Empty, 20), (answer!.Desired, answer.NextCheckInSeconds));
        Assert.Equal((DeviceStatus.Online, "1.2.3", "jetson-orin"), (view.Status, view.AgentVersion, view.DeviceClass));
        Assert.Equal(4, view.System!.CpuCount);
        Assert.Equal("/", Assert.Single(view.System.Disks).Mount);
    }

    [Fact]
    public async Task CheckIn_DeviceA_UpdatesOnlyA()
    {
        await using var server = await OutpostTestServer.StartAsync();
        var token = await server.CreateEnrollmentTokenAsync(maxUses: 2);
        using var a = await TestDevice.EnrollAsync(server, token.Token, "a");
        using var b = await TestDevice.EnrollAsync(server, token.Token, "b");
        await b.CheckInAsync(TestDevice.SampleCheckIn("b-version", "b-class"));
        var bBefore = await server.GetDeviceAsync(b.Id);

        // The body has no device id to forge; extra JSON naming B must not matter either.
        var body = """{"deviceId":"B","agentVersion":"a-version","deviceClass":"a-class","system":{"cpuCount":1}}""".Replace("\"B\"", $"\"{b.Id}\"", StringComparison.Ordinal);
        var response = await a.Client.PostAsync(DeviceApiRoutes.CheckIn, new StringContent(body, null, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bAfter = await server.GetDeviceAsync(b.Id);
        Assert.Equal((bBefore.LastSeenAt, "b-version", "b-class"), (bAfter.LastSeenAt, bAfter.AgentVersion, bAfter.DeviceClass));
        Assert.Equal("a-version", (await server.GetDeviceAsync(a.Id)).AgentVersion);
    }

    [Fact]
    public async Task CheckIn_GarbageJson_400NamingTheField()
    {
        await using var server = await OutpostTestServer.StartAsync();
        using var device = await TestDevice.EnrollAsync(server, (await server.CreateEnrollmentTokenAsync()).Token);

        var response = await device.Client.PostAsync(
            DeviceApiRoutes.CheckIn, new StringContent("""{"agentVersion":"1","deviceClass":"x","system":{"cpuCount":"many"}}""", null, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadProblemAsync()).Errors!.ContainsKey("system.cpuCount"));
    }

    [Fact]
    public async Task Renew_TwoRenewals_NewCertWorksPreviousWorksOlderRefused()
    {
        await using var server = await OutpostTestServer.StartAsync();
        using var device = await TestDevice.EnrollAsync(server, (await server.CreateEnrollmentTokenAsync()).Token);

        using var original = await device.RenewAsync();
        Assert.NotEqual(original.SerialNumber, device.Certificate.SerialNumber);
        Assert.Equal($"CN={device.Id}", device.Certificate.Subject);
        Assert.Equal(HttpStatusCode.OK, (await device.CheckInAsync()).StatusCode);
        using (var previous = server.DeviceClient(original))
        {
            // Still accepted: a device that lost the renewal answer must not be locked out.
            Assert.Equal(HttpStatusCode.OK, (await previous.PostAsJsonAsync(DeviceApiRoutes.CheckIn, TestDevice.SampleCheckIn(), OutpostJsonContext.Default.CheckInRequest, Ct)).StatusCode);
        }

        using var second = await device.RenewAsync();
        using var stale = server.DeviceClient(original);
        var refused = await stale.PostAsJsonAsync(DeviceApiRoutes.CheckIn, TestDevice.SampleCheckIn(), OutpostJsonContext.Default.CheckInRequest, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("superseded", (await refused.ReadProblemAsync()).Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await device.CheckInAsync()).StatusCode);
        Assert.Equal(device.Certificate.SerialNumber, (await server.GetDeviceAsync(device.Id)).CertificateSerial);
    }

    [Fact]
    public async Task Renew_WeakKeyCsr_400()
    {
        await using var server = await OutpostTestServer.StartAsync();
        using var device = await TestDevice.EnrollAsync(server, (await server.CreateEnrollmentTokenAsync()).Token);
        using var rsa = System.Security.Cryptography.RSA.Create(1024);
        var csr = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=x", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1).CreateSigningRequestPem();

        var response = await device.Client.PostAsJsonAsync(
            DeviceApiRoutes.RenewCertificate, new CertificateRenewalRequest { CsrPem = csr }, OutpostJsonContext.Default.CertificateRenewalRequest, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("weak key", (await response.ReadProblemAsync()).Detail, StringComparison.Ordinal);
    }
}
