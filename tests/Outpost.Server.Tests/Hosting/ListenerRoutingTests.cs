using System.Net;
using System.Security.Cryptography.X509Certificates;
using Outpost.Protocol;
using Outpost.Protocol.Admin;
using Outpost.Server.Tests.Harness;

namespace Outpost.Server.Tests.Hosting;

public sealed class ListenerRoutingTests
{
    [Fact]
    public async Task AdminRoute_OnDeviceListener_Is404EvenWithAdminHostHeader()
    {
        await using var server = await OutpostTestServer.StartAsync();
        using var client = server.DeviceClient(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, AdminApiRoutes.WhoAmI);
        request.Headers.Authorization = new("Bearer", server.InitialAdminToken);
        request.Headers.Host = server.AdminApi.Authority;

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await response.ReadProblemAsync()).Status);
    }

    [Fact]
    public async Task DeviceRoute_OnAdminListener_Is404()
    {
        await using var server = await OutpostTestServer.StartAsync();
        using var client = server.AdminClient(server.InitialAdminToken);

        var response = await client.PostAsync(DeviceApiRoutes.Enroll, new StringContent("{}", null, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_OnAdminListenerOnly_DescribesBothApis()
    {
        await using var server = await OutpostTestServer.StartAsync();
        using var admin = server.AdminClient(null);
        using var device = server.DeviceClient(null);

        var document = await admin.GetStringAsync(AdminApiRoutes.OpenApi, TestContext.Current.CancellationToken);
        var onDevice = await device.GetAsync(AdminApiRoutes.OpenApi, TestContext.Current.CancellationToken);

        Assert.Contains("\"/v1/devices\"", document, StringComparison.Ordinal);
        Assert.Contains("\"/v1/device/check-in\"", document, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, onDevice.StatusCode);
    }

    [Fact]
    public async Task DeviceListener_CaRoute_ServesTheFleetCaWithoutClientCertificate()
    {
        await using var server = await OutpostTestServer.StartAsync();
        using var client = server.DeviceClient(null);

        var response = await client.GetAsync(DeviceApiRoutes.CaCertificate, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var ca = X509Certificate2.CreateFromPem(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(server.CaFingerprint, Trust.Certificates.CaFingerprint.Of(ca));
    }

    [Fact]
    public async Task AdminListener_Https_UsesTheServerCertificate()
    {
        await using var server = await OutpostTestServer.StartAsync(settings: new Dictionary<string, string?> { ["Outpost:AdminApi:Url"] = "https://127.0.0.1:0" });
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            Trust.Certificates.PinnedChain.Validate(X509CertificateLoader.LoadCertificate(certificate!.GetRawCertData()), server.CaCertificate, DateTimeOffset.UtcNow, out _);
        using var client = new HttpClient(handler) { BaseAddress = server.AdminApi };
        client.DefaultRequestHeaders.Authorization = new("Bearer", server.InitialAdminToken);

        var response = await client.GetAsync(AdminApiRoutes.WhoAmI, TestContext.Current.CancellationToken);

        Assert.Equal("https", server.AdminApi.Scheme);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
