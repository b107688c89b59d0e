using System.Net.Http.Json;
using Outpost.Protocol;
using Outpost.Protocol.Admin;

namespace Outpost.EndToEnd.Infrastructure;

/// <summary>Admin-API helpers shared by the end-to-end tests.</summary>
internal static class Fleet
{
    public static async Task<string> CreateEnrollmentTokenAsync(HttpClient admin, string site, int uses)
    {
        var response = await admin.PostAsJsonAsync(AdminApiRoutes.EnrollmentTokens,
            new CreateEnrollmentTokenRequest { Site = site, MaxUses = uses, Tags = ["e2e"] },
            OutpostJsonContext.Default.CreateEnrollmentTokenRequest);
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync(OutpostJsonContext.Default.CreatedEnrollmentToken);
        return created!.Token;
    }

    public static async Task<IReadOnlyList<DeviceView>> DevicesAsync(HttpClient admin)
    {
        var list = await admin.GetFromJsonAsync(AdminApiRoutes.Devices + "?limit=1000", OutpostJsonContext.Default.DeviceList);
        return list!.Items;
    }

    /// <summary>Polls the admin API until <paramref name="condition"/> holds for the device list.</summary>
    public static async Task<IReadOnlyList<DeviceView>> WaitForAsync(
        HttpClient admin, Func<IReadOnlyList<DeviceView>, bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        IReadOnlyList<DeviceView> devices = [];
        while (DateTime.UtcNow < deadline)
        {
            devices = await DevicesAsync(admin);
            if (condition(devices))
            {
                return devices;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"timed out waiting for {what}; devices: " +
            string.Join(", ", devices.Select(d => $"{d.Id}:{d.Status}:{d.LastSeenAt:O}")));
    }
}
