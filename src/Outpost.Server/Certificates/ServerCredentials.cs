using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Outpost.Server.Hosting;
using Outpost.Trust.Certificates;

namespace Outpost.Server.Certificates;

/// <summary>
/// The CA and the device-listener certificate of this data folder, created on first use. Kestrel's configuration
/// asks for them while the host is built, so creation is synchronous and happens at most once per process.
/// </summary>
internal sealed class ServerCredentials : IDisposable
{
    private readonly Lazy<(CertificateAuthority Ca, X509Certificate2 Server)> material;

    public ServerCredentials(IOptions<OutpostOptions> outpost, IOptions<TlsOptions> tls, TimeProvider time, ILogger<ServerCredentials> logger)
    {
        var layout = new DataFolderLayout(outpost.Value.FullDataDirectory);
        material = new Lazy<(CertificateAuthority, X509Certificate2)>(() =>
        {
            var ca = CertificateAuthority.LoadOrCreate(layout, time);
            if (ca.Created)
            {
                Log.CaCreated(logger, layout.CaCertificate);
            }

            var server = ServerCertificateFile.LoadOrCreate(layout, ca, tls.Value, time, out var issued);
            if (issued)
            {
                var names = string.Join(", ", tls.Value.EffectiveHostNames);
                Log.ServerCertificateIssued(logger, names, server.NotAfter);
            }

            return (ca, server);
        });
    }

    public CertificateAuthority Authority => material.Value.Ca;

    public X509Certificate2 ServerCertificate => material.Value.Server;

    public string CaFingerprint => Trust.Certificates.CaFingerprint.Of(Authority.PublicCertificate);

    public void Dispose()
    {
        if (material.IsValueCreated)
        {
            material.Value.Ca.Dispose();
            material.Value.Server.Dispose();
        }
    }
}
