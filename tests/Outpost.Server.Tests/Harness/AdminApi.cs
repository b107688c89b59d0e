using System.Net.Http.Json;
using Outpost.Protocol;
using Outpost.Protocol.Admin;

namespace Outpost.Server.Tests.Harness;

/// <summary>Admin API calls the tests repeat.</summary>
public static class AdminApi
{
    public static async Task<CreatedEnrollmentToken> CreateEnrollmentTokenAsync(
        this OutpostTestServer server, int maxUses = 1, string site = "plant-1", IReadOnlyList<string>? tags = null, long validForSeconds = 3600)
    {
        using var admin = server.AdminClient(server.InitialAdminToken);
        var response = await admin.PostAsJsonAsync(
            AdminApiRoutes.EnrollmentTokens,
            new CreateEnrollmentTokenRequest { Site = site, Tags = tags ?? ["line-a"], MaxUses = maxUses, ValidForSeconds = validForSeconds },
            OutpostJsonContext.Default.CreateEnrollmentTokenRequest, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync(OutpostJsonContext.Default.CreatedEnrollmentToken, TestContext.Current.CancellationToken))!;
    }

    public static async Task<DeviceView> GetDeviceAsync(this OutpostTestServer server, string id)
    {
        using var admin = server.AdminClient(server.InitialAdminToken);
        return (await admin.GetFromJsonAsync(AdminApiRoutes.Device(id), OutpostJsonContext.Default.DeviceView, TestContext.Current.CancellationToken))!;
    }

    public static async Task<ProblemBody> ReadProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync(OutpostJsonContext.Default.ProblemBody, TestContext.Current.CancellationToken))!;
    }

    public static bool Logged(this OutpostTestServer server, string eventName, string containing) =>
        server.Logs.Entries.Any(e => e.EventId.Name == eventName && e.Message.Contains(containing, StringComparison.OrdinalIgnoreCase));
}
