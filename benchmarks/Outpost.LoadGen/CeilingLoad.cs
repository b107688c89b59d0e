using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Outpost.LoadGen;

internal static class CeilingLoad
{
    public static async Task<int> RunAsync(Args args)
    {
        var url = new Uri(args.Get("url"));
        var connections = args.Int("connections", 100);
        var clients = Enumerable.Range(0, connections).Select(_ => MtlsClients.Create(url, SelfSigned())).ToList();
        var result = await LoadRunner.RunAsync($"ceiling ({connections} connections)", clients, async client =>
        {
            using var content = new StringContent("{\"agentVersion\":\"bench\",\"deviceClass\":\"bench\",\"system\":{}}", System.Text.Encoding.UTF8, "application/json");
            using var response = await client.PostAsync("/v1/device/check-in", content);
            return response.IsSuccessStatusCode;
        }, TimeSpan.FromSeconds(args.Int("seconds", 10)));
        result.Print();
        clients.ForEach(c => c.Dispose());
        return 0;
    }

    private static X509Certificate2 SelfSigned()
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=bench-device", key, HashAlgorithmName.SHA256);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pkcs12), null);
    }
}
