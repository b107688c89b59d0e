using System.Net.Http.Json;
using System.Security.Cryptography;
using Outpost.Protocol;
using Outpost.Protocol.Admin;
using Outpost.Protocol.Devices;
using Outpost.Protocol.Enrollment;
using Outpost.Trust.Certificates;

namespace Outpost.LoadGen;

/// <summary>Enrolls real devices (own keys, real certificates), then drives check-ins over mutual TLS.</summary>
internal static class CheckInLoad
{
    public static async Task<int> RunAsync(Args args)
    {
        var deviceApi = new Uri(args.Get("device-api"));
        var devices = args.Int("devices", 200);
        var connections = args.Int("connections", 100);
        var seconds = args.Int("seconds", 10);

        using var admin = new HttpClient { BaseAddress = new Uri(args.Get("admin-api")) };
        admin.DefaultRequestHeaders.Authorization = new("Bearer", args.Get("admin-token"));
        var tokenResponse = await admin.PostAsJsonAsync(AdminApiRoutes.EnrollmentTokens,
            new CreateEnrollmentTokenRequest { Site = "bench", MaxUses = devices, ValidForSeconds = 3600 },
            OutpostJsonContext.Default.CreateEnrollmentTokenRequest);
        tokenResponse.EnsureSuccessStatusCode();
        var token = (await tokenResponse.Content.ReadFromJsonAsync(OutpostJsonContext.Default.CreatedEnrollmentToken))!.Token;

        using var anonymous = MtlsClients.Create(deviceApi, null);
        var certificates = new List<System.Security.Cryptography.X509Certificates.X509Certificate2>();
        for (var i = 0; i < devices; i++)
        {
            var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var response = await anonymous.PostAsJsonAsync(DeviceApiRoutes.Enroll,
                new EnrollmentRequest { Token = token, CsrPem = DeviceCsr.Create(key, $"bench-{i}") },
                OutpostJsonContext.Default.EnrollmentRequest);
            response.EnsureSuccessStatusCode();
            var enrolled = (await response.Content.ReadFromJsonAsync(OutpostJsonContext.Default.EnrollmentResponse))!;
            certificates.Add(MtlsClients.WithKey(enrolled.CertificatePem, key));
        }

        var clients = Enumerable.Range(0, connections).Select(i => MtlsClients.Create(deviceApi, certificates[i % devices])).ToList();
        var body = new CheckInRequest
        {
            AgentVersion = "bench",
            DeviceClass = "bench",
            System = new SystemSnapshot { CpuPercent = 3, MemoryTotalBytes = 1L << 30, MemoryAvailableBytes = 1L << 29, Disks = [new DiskUsage { Mount = "/", TotalBytes = 1L << 34, FreeBytes = 1L << 33 }] },
        };
        var result = await LoadRunner.RunAsync($"check-ins ({devices} devices, {connections} connections)", clients, async client =>
        {
            using var response = await client.PostAsJsonAsync(DeviceApiRoutes.CheckIn, body, OutpostJsonContext.Default.CheckInRequest);
            return response.IsSuccessStatusCode;
        }, TimeSpan.FromSeconds(seconds));
        result.Print();
        clients.ForEach(c => c.Dispose());
        return result.Errors == 0 ? 0 : 1;
    }
}
