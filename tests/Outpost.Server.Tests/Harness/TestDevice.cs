using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Outpost.Protocol;
using Outpost.Protocol.Admin;
using Outpost.Protocol.Devices;
using Outpost.Protocol.Enrollment;
using Outpost.Trust.Certificates;

namespace Outpost.Server.Tests.Harness;

/// <summary>A device as the agent would be: its own key, enrolled with a token, talking mutual TLS.</summary>
public sealed class TestDevice : IDisposable
{
    private TestDevice(OutpostTestServer server, string id, X509Certificate2 certificate)
    {
        Server = server;
        Id = id;
        Certificate = certificate;
        Client = server.DeviceClient(certificate);
    }

    public OutpostTestServer Server { get; }

    public string Id { get; }

    public X509Certificate2 Certificate { get; private set; }

    public HttpClient Client { get; private set; }

    public static async Task<TestDevice> EnrollAsync(OutpostTestServer server, string enrollmentToken, string hostname = "edge-1")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var anonymous = server.DeviceClient(null);
        var response = await anonymous.PostAsJsonAsync(
            DeviceApiRoutes.Enroll,
            new EnrollmentRequest { Token = enrollmentToken, CsrPem = DeviceCsr.Create(key, hostname), Hostname = hostname },
            OutpostJsonContext.Default.EnrollmentRequest, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var enrolled = (await response.Content.ReadFromJsonAsync(OutpostJsonContext.Default.EnrollmentResponse, TestContext.Current.CancellationToken))!;
        return new TestDevice(server, enrolled.DeviceId, WithKey(enrolled.CertificatePem, key));
    }

    public static CheckInRequest SampleCheckIn(string agentVersion = "0.1.0", string deviceClass = "rpi4") => new()
    {
        AgentVersion = agentVersion,
        DeviceClass = deviceClass,
        System = new SystemSnapshot { CpuPercent = 12.5, CpuCount = 4, MemoryTotalBytes = 4_000_000_000, Disks = [new() { Mount = "/", TotalBytes = 100, FreeBytes = 40 }] },
    };

    public static X509Certificate2 WithKey(string certificatePem, ECDsa key)
    {
        using var certificate = X509Certificate2.CreateFromPem(certificatePem);
        using var withKey = certificate.CopyWithPrivateKey(key);
        // Round-trip through PKCS#12 so the key outlives the ECDsa instance and SslStream can use it on every platform.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    public Task<HttpResponseMessage> CheckInAsync(CheckInRequest? request = null) =>
        Client.PostAsJsonAsync(DeviceApiRoutes.CheckIn, request ?? SampleCheckIn(), OutpostJsonContext.Default.CheckInRequest, TestContext.Current.CancellationToken);

    /// <summary>Renews with a new key; the device switches to the new certificate and returns the old one.</summary>
    public async Task<X509Certificate2> RenewAsync()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var response = await Client.PostAsJsonAsync(
            DeviceApiRoutes.RenewCertificate, new CertificateRenewalRequest { CsrPem = DeviceCsr.Create(key, Id) },
            OutpostJsonContext.Default.CertificateRenewalRequest, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var renewed = (await response.Content.ReadFromJsonAsync(OutpostJsonContext.Default.CertificateRenewalResponse, TestContext.Current.CancellationToken))!;
        var old = Certificate;
        Certificate = WithKey(renewed.CertificatePem, key);
        Client.Dispose();
        Client = Server.DeviceClient(Certificate);
        return old;
    }

    public void Dispose()
    {
        Client.Dispose();
        Certificate.Dispose();
    }
}
