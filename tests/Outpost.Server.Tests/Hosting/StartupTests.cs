using System.Net;
using System.Net.Http.Json;
using Outpost.Protocol;
using Outpost.Protocol.Admin;
using Outpost.Server.Tests.Harness;
using Outpost.Trust.Certificates;

namespace Outpost.Server.Tests.Hosting;

public sealed class StartupTests
{
    private static UnixFileMode ModeOf(string path) =>
        OperatingSystem.IsWindows() ? throw new PlatformNotSupportedException() : File.GetUnixFileMode(path);

    [Fact]
    public async Task Start_EmptyDataFolder_CreatesCaTlsAndOneWorkingAdminToken()
    {
        await using var server = await OutpostTestServer.StartAsync();

        Assert.NotNull(server.InitialAdminToken);
        Assert.Equal(CaFingerprint.Of(server.CaCertificate), server.CaFingerprint);
        Assert.Equal("outpost-server: ready", server.Output.Lines[^1]);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, ModeOf(Path.Combine(server.DataDirectory, "ca", "ca.key")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, ModeOf(Path.Combine(server.DataDirectory, "tls", "server.key")));
        Assert.NotEqual(0, server.DeviceApi.Port);
        Assert.NotEqual(0, server.AdminApi.Port);
        using var admin = server.AdminClient(server.InitialAdminToken);
        var me = await admin.GetFromJsonAsync(AdminApiRoutes.WhoAmI, OutpostJsonContext.Default.AdminTokenView, TestContext.Current.CancellationToken);
        Assert.Equal(AdminRole.Admin, me!.Role);
        // Stored only as a hash: the secret appears nowhere in the data folder.
        var db = await File.ReadAllBytesAsync(Path.Combine(server.DataDirectory, "outpost.db"), TestContext.Current.CancellationToken);
        Assert.DoesNotContain(server.InitialAdminToken, System.Text.Encoding.UTF8.GetString(db), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ExistingDataFolder_KeepsCaAndDevicesAndPrintsNoNewToken()
    {
        var folder = Directory.CreateTempSubdirectory("outpost-restart-").FullName;
        try
        {
            string fingerprint, token, deviceId;
            await using (var first = await OutpostTestServer.StartAsync(folder))
            {
                fingerprint = first.CaFingerprint;
                token = first.InitialAdminToken!;
                var enrollment = await first.CreateEnrollmentTokenAsync();
                using var device = await TestDevice.EnrollAsync(first, enrollment.Token);
                deviceId = device.Id;
            }

            await using var second = await OutpostTestServer.StartAsync(folder);

            Assert.Equal(fingerprint, second.CaFingerprint);
            Assert.Null(second.InitialAdminToken);
            Assert.DoesNotContain(second.Output.Lines, l => l.Contains("initial-admin-token", StringComparison.Ordinal));
            using var admin = second.AdminClient(token);
            var response = await admin.GetAsync(AdminApiRoutes.Device(deviceId), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Start_BootstrapTokenFile_WritesTokenWithMode0600()
    {
        var file = Path.Combine(Path.GetTempPath(), $"outpost-token-{Guid.NewGuid():N}");
        try
        {
            await using var server = await OutpostTestServer.StartAsync(settings: new Dictionary<string, string?> { ["Outpost:Bootstrap:AdminTokenFile"] = file });

            Assert.Equal(server.InitialAdminToken, (await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken)).Trim());
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, ModeOf(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Start_HostNamesChanged_ReissuesServerCertificateWithNewNames()
    {
        var folder = Directory.CreateTempSubdirectory("outpost-sans-").FullName;
        try
        {
            await using (await OutpostTestServer.StartAsync(folder))
            {
            }

            await using var second = await OutpostTestServer.StartAsync(folder, settings: new Dictionary<string, string?>
            {
                ["Outpost:Tls:HostNames:0"] = "127.0.0.1", ["Outpost:Tls:HostNames:1"] = "edge.example.org",
            });

            using var certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(folder, "tls", "server.crt")));
            var san = certificate.Extensions.OfType<System.Security.Cryptography.X509Certificates.X509SubjectAlternativeNameExtension>().Single();
            Assert.Equal(["edge.example.org"], san.EnumerateDnsNames());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
