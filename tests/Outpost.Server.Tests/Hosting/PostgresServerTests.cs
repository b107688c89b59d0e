using System.Net;
using Outpost.Server.Tests.Harness;
using Outpost.Server.Tests.Storage;

namespace Outpost.Server.Tests.Hosting;

/// <summary>The whole server on PostgreSQL: the same enrollment/check-in/revocation path as on SQLite.</summary>
public sealed class PostgresServerTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Server_OnPostgres_EnrollsChecksInRevokesAndRestarts()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Outpost:Storage:Provider"] = "postgres",
            ["Outpost:Storage:ConnectionString"] = database.ConnectionString,
        };
        var folder = Directory.CreateTempSubdirectory("outpost-pg-").FullName;
        settings["Outpost:Bootstrap:AdminTokenFile"] = Path.Combine(folder, "first-token");
        try
        {
            string deviceId;
            await using (var server = await OutpostTestServer.StartAsync(folder, settings: settings))
            {
                Assert.False(File.Exists(Path.Combine(folder, "outpost.db")));
                using var device = await TestDevice.EnrollAsync(server, (await server.CreateEnrollmentTokenAsync()).Token);
                deviceId = device.Id;
                Assert.Equal(HttpStatusCode.OK, (await device.CheckInAsync()).StatusCode);
                Assert.Equal(Protocol.Admin.DeviceStatus.Online, (await server.GetDeviceAsync(device.Id)).Status);
            }

            await using var restarted = await OutpostTestServer.StartAsync(folder, settings: settings);
            Assert.Null(restarted.InitialAdminToken);
            using var admin = restarted.AdminClient(File.ReadAllText(Path.Combine(folder, "first-token")).Trim());
            var response = await admin.GetAsync(Protocol.Admin.AdminApiRoutes.Device(deviceId), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
