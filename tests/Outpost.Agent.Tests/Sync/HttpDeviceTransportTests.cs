using System.Security.Cryptography.X509Certificates;
using Outpost.Agent.Identity;
using Outpost.Agent.Sync;
using Outpost.Protocol.Devices;

namespace Outpost.Agent.Tests.Sync;

/// <summary>The real transport against a real HTTPS listener on 127.0.0.1: client certificates and server pinning.</summary>
public sealed class HttpDeviceTransportTests : IAsyncLifetime
{
    private static readonly CheckInRequest Request = new() { AgentVersion = "test", DeviceClass = "c", System = new SystemSnapshot() };
    private readonly TestPki _fleet = new("Fleet CA", DateTimeOffset.UtcNow);
    private readonly TestPki _rogue = new("Rogue CA", DateTimeOffset.UtcNow);
    private TestDeviceApiServer _server = null!;

    public async ValueTask InitializeAsync() =>
        _server = await TestDeviceApiServer.StartAsync(_fleet.IssueServer(), _fleet.CaPublic);

    [Fact]
    public async Task UseClientCertificate_AfterRenewal_NewConnectionsPresentTheNewCertificate()
    {
        using var first = Device();
        using var second = Device();
        using var transport = new HttpDeviceTransport(_server.Url, new ServerPin(_fleet.CaPublic, TimeProvider.System), first, TimeSpan.FromSeconds(10));

        var before = await transport.CheckInAsync(Request, TestContext.Current.CancellationToken);
        transport.UseClientCertificate(second);
        var after = await transport.CheckInAsync(Request, TestContext.Current.CancellationToken);

        Assert.Equal(DeviceCallStatus.Ok, before.Status);
        Assert.Equal(DeviceCallStatus.Ok, after.Status);
        Assert.Equal([first.Thumbprint, second.Thumbprint], _server.CheckInClientThumbprints);
    }

    [Fact]
    public async Task CheckInAsync_ServerFromAnotherCa_IsUnavailableWithTheReason()
    {
        using var device = Device();
        using var transport = new HttpDeviceTransport(_server.Url, new ServerPin(_rogue.CaPublic, TimeProvider.System), device, TimeSpan.FromSeconds(10));

        var result = await transport.CheckInAsync(Request, TestContext.Current.CancellationToken);

        Assert.Equal(DeviceCallStatus.Unavailable, result.Status);
        Assert.Contains("does not chain to the pinned CA", result.Detail, StringComparison.Ordinal);
        Assert.Empty(_server.CheckInClientThumbprints);
    }

    [Fact]
    public async Task CheckInAsync_ServerDown_IsUnavailable()
    {
        using var device = Device();
        var url = _server.Url;
        await _server.DisposeAsync();
        using var transport = new HttpDeviceTransport(url, new ServerPin(_fleet.CaPublic, TimeProvider.System), device, TimeSpan.FromSeconds(10));

        var result = await transport.CheckInAsync(Request, TestContext.Current.CancellationToken);

        Assert.Equal(DeviceCallStatus.Unavailable, result.Status);
        _server = await TestDeviceApiServer.StartAsync(_fleet.IssueServer(), _fleet.CaPublic);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _fleet.Dispose();
        _rogue.Dispose();
    }

    private X509Certificate2 Device()
    {
        var (key, cert) = _fleet.NewDevice("dev-1", DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509Certificate2.CreateFromPem(cert, key);
    }
}
