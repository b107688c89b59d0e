using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;
using Outpost.Protocol;
using Outpost.Protocol.Admin;
using Outpost.Protocol.Enrollment;
using Outpost.Server.Tests.Harness;
using Outpost.Trust.Certificates;

namespace Outpost.Server.Tests.Enrollment;

public sealed class EnrollmentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Enroll_ValidTokenAndCsr_IssuesClientCertificateForServerChosenId()
    {
        await using var server = await OutpostTestServer.StartAsync();
        var token = await server.CreateEnrollmentTokenAsync(site: "plant-9", tags: ["cam", "line-b"]);

        using var device = await TestDevice.EnrollAsync(server, token.Token, hostname: "dev-chosen-by-attacker");

        Assert.StartsWith("dev-", device.Id, StringComparison.Ordinal);
        Assert.NotEqual("dev-chosen-by-attacker", device.Id);
        Assert.Equal($"CN={device.Id}", device.Certificate.Subject);
        Assert.Equal(server.CaCertificate.Subject, device.Certificate.Issuer);
        var eku = device.Certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single();
        Assert.Equal(["1.3.6.1.5.5.7.3.2"], eku.EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value));
        Assert.InRange(device.Certificate.NotAfter.ToUniversalTime() - DateTime.UtcNow, TimeSpan.FromDays(29.9), TimeSpan.FromDays(30.1));
        var view = await server.GetDeviceAsync(device.Id);
        Assert.Equal(("plant-9", DeviceStatus.Offline), (view.Site, view.Status));
        Assert.Equal(["cam", "line-b"], view.Tags);
    }

    [Fact]
    public async Task Enroll_TokenReusedBeyondUses_RefusedAsUsedUp()
    {
        await using var server = await OutpostTestServer.StartAsync();
        var token = await server.CreateEnrollmentTokenAsync(maxUses: 1);
        using var first = await TestDevice.EnrollAsync(server, token.Token);

        var problem = await EnrollExpectingAsync(server, token.Token, HttpStatusCode.Unauthorized);

        Assert.Contains("used up", problem.Detail, StringComparison.Ordinal);
        Assert.True(server.Logged("EnrollmentRefused", "used up"));
    }

    [Fact]
    public async Task Enroll_ExpiredToken_RefusedAsExpired()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await OutpostTestServer.StartAsync(time: time);
        var token = await server.CreateEnrollmentTokenAsync(validForSeconds: 600);
        time.Advance(TimeSpan.FromMinutes(11));

        var problem = await EnrollExpectingAsync(server, token.Token, HttpStatusCode.Unauthorized);

        Assert.Contains("expired", problem.Detail, StringComparison.Ordinal);
        Assert.True(server.Logged("EnrollmentRefused", "expired"));
    }

    [Fact]
    public async Task Enroll_RevokedToken_RefusedAsRevoked()
    {
        await using var server = await OutpostTestServer.StartAsync();
        var token = await server.CreateEnrollmentTokenAsync(maxUses: 5);
        using var admin = server.AdminClient(server.InitialAdminToken);
        var revoke = await admin.DeleteAsync(AdminApiRoutes.EnrollmentToken(token.Info.Id), Ct);
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);

        var problem = await EnrollExpectingAsync(server, token.Token, HttpStatusCode.Unauthorized);

        Assert.Contains("revoked", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enroll_UnknownToken_RefusedAsUnknown()
    {
        await using var server = await OutpostTestServer.StartAsync();

        var problem = await EnrollExpectingAsync(server, "ope_not-a-real-token", HttpStatusCode.Unauthorized);

        Assert.Contains("unknown enrollment token", problem.Detail, StringComparison.Ordinal);
        Assert.True(server.Logged("EnrollmentRefused", "unknown"));
    }

    [Fact]
    public async Task Enroll_MalformedCsr_400NamingCsrPem()
    {
        await using var server = await OutpostTestServer.StartAsync();
        var token = await server.CreateEnrollmentTokenAsync();

        var problem = await EnrollExpectingAsync(server, token.Token, HttpStatusCode.BadRequest, "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----");

        Assert.True(problem.Errors!.ContainsKey("csrPem"));
    }

    [Fact]
    public async Task Enroll_CsrWithBrokenSignature_400()
    {
        await using var server = await OutpostTestServer.StartAsync();
        var token = await server.CreateEnrollmentTokenAsync();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var der = new CertificateRequest("CN=x", key, HashAlgorithmName.SHA256).CreateSigningRequest();
        der[^5] ^= 0x55; // inside the signature value
        var pem = PemEncoding.WriteString("CERTIFICATE REQUEST", der);

        var problem = await EnrollExpectingAsync(server, token.Token, HttpStatusCode.BadRequest, pem);

        Assert.Contains("signature", problem.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Enroll_Rsa1024Key_400WeakKey()
    {
        await using var server = await OutpostTestServer.StartAsync();
        var token = await server.CreateEnrollmentTokenAsync();
        using var rsa = RSA.Create(1024);
        var pem = new CertificateRequest("CN=x", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSigningRequestPem();

        var problem = await EnrollExpectingAsync(server, token.Token, HttpStatusCode.BadRequest, pem);

        Assert.Contains("weak key", problem.Detail, StringComparison.Ordinal);
        Assert.True(server.Logged("EnrollmentRefused", "weak key"));
    }

    [Fact]
    public async Task Enroll_BadCsr_DoesNotConsumeTheToken()
    {
        await using var server = await OutpostTestServer.StartAsync();
        var token = await server.CreateEnrollmentTokenAsync(maxUses: 1);
        await EnrollExpectingAsync(server, token.Token, HttpStatusCode.BadRequest, "garbage");

        using var device = await TestDevice.EnrollAsync(server, token.Token);

        Assert.StartsWith("dev-", device.Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enroll_ConcurrentRequests_NeverExceedTokenUses()
    {
        await using var server = await OutpostTestServer.StartAsync();
        var token = await server.CreateEnrollmentTokenAsync(maxUses: 3);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var csr = DeviceCsr.Create(key, "race");
        using var client = server.DeviceClient(null);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
            (await client.PostAsJsonAsync(DeviceApiRoutes.Enroll, new EnrollmentRequest { Token = token.Token, CsrPem = csr },
                OutpostJsonContext.Default.EnrollmentRequest, Ct)).StatusCode));

        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(13, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        using var admin = server.AdminClient(server.InitialAdminToken);
        var devices = await admin.GetFromJsonAsync(AdminApiRoutes.Devices, OutpostJsonContext.Default.DeviceList, Ct);
        Assert.Equal(3, devices!.Total);
    }

    [Fact]
    public async Task Enroll_GarbageJson_400NamingTheField()
    {
        await using var server = await OutpostTestServer.StartAsync();
        using var client = server.DeviceClient(null);

        var wrongType = await client.PostAsync(DeviceApiRoutes.Enroll, new StringContent("""{"token": 42, "csrPem": "x"}""", null, "application/json"), Ct);
        var missing = await client.PostAsync(DeviceApiRoutes.Enroll, new StringContent("""{"token": "t"}""", null, "application/json"), Ct);
        var broken = await client.PostAsync(DeviceApiRoutes.Enroll, new StringContent("""{"token": """, null, "application/json"), Ct);

        Assert.True((await wrongType.ReadProblemAsync()).Errors!.ContainsKey("token"));
        Assert.True((await missing.ReadProblemAsync()).Errors!.ContainsKey("csrPem"));
        Assert.Equal(400, (await broken.ReadProblemAsync()).Status);
    }

    private static async Task<ProblemBody> EnrollExpectingAsync(OutpostTestServer server, string token, HttpStatusCode expected, string? csrPem = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var client = server.DeviceClient(null);
        var response = await client.PostAsJsonAsync(
            DeviceApiRoutes.Enroll, new EnrollmentRequest { Token = token, CsrPem = csrPem ?? DeviceCsr.Create(key, "x") },
            OutpostJsonContext.Default.EnrollmentRequest, Ct);
        Assert.Equal(expected, response.StatusCode);
        return await response.ReadProblemAsync();
    }
}
