using System.Net.Security;
using System.Security.Authentication;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Options;
using Outpost.Server.Admin;
using Outpost.Server.Certificates;
using Outpost.Server.Devices;
using Outpost.Trust.Certificates;

namespace Outpost.Server.Hosting;

/// <summary>Binds the device listener (HTTPS, client certificates allowed) and the admin listener, and tags their connections.</summary>
internal sealed class KestrelListenerSetup(
    IOptions<DeviceApiOptions> device,
    IOptions<AdminApiOptions> admin,
    IOptions<OutpostOptions> outpost,
    ServerCredentials credentials,
    BoundListeners bound) : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions options)
    {
        options.AddServerHeader = false;
        options.Limits.MaxRequestBodySize = outpost.Value.MaxRequestBodyBytes;
        var deviceAddress = ListenAddress.TryParse(device.Value.Url, "Outpost:DeviceApi:Url", out var error)
            ?? throw new OptionsValidationException(DeviceApiOptions.Section, typeof(DeviceApiOptions), [error!]);
        var adminAddress = ListenAddress.TryParse(admin.Value.Url, "Outpost:AdminApi:Url", out error)
            ?? throw new OptionsValidationException(AdminApiOptions.Section, typeof(AdminApiOptions), [error!]);
        if (!deviceAddress.Https)
        {
            throw new OptionsValidationException(DeviceApiOptions.Section, typeof(DeviceApiOptions),
                ["Set Outpost:DeviceApi:Url to an https:// URL: devices authenticate with client certificates."]);
        }

        bound.DeviceAddress = deviceAddress;
        bound.AdminAddress = adminAddress;
        options.Listen(deviceAddress.Address, deviceAddress.Port, listen =>
        {
            bound.Device = listen;
            Tag(listen, ListenerKind.Device);
            listen.Use(next => connection =>
            {
                connection.Features.Set(new DeviceConnectionState());
                return next(connection);
            });
            // The handshake carries the leaf only (.NET leaves a self-signed root out of the chain it sends); agents
            // pinned by fingerprint fetch the CA from /v1/ca and check its hash (docs/designs/ca-fingerprint-pinning.md).
            var context = SslStreamCertificateContext.Create(credentials.ServerCertificate, additionalCertificates: null, offline: true);
            var devicePolicy = PinnedChain.Policy(credentials.Authority.PublicCertificate);
            listen.UseHttps(new TlsHandshakeCallbackOptions
            {
                OnConnection = _ => ValueTask.FromResult(new SslServerAuthenticationOptions
                {
                    ServerCertificateContext = context,
                    EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                    // Ask for a client certificate but accept any (or none) at the TLS layer; each request validates it
                    // against the fleet CA only (DeviceAuthenticator), so a refusal is an HTTP answer with a logged reason.
                    ClientCertificateRequired = true,
                    // SslStream builds the client's chain before it calls the callback below, whatever the callback
                    // decides; with its default policy that build walks the system trust store (perf: X509_NAME_cmp,
                    // sorting the store) on every handshake. Against the fleet CA alone a handshake costs ~0.65x
                    // (MtlsHandshakeBenchmark), which matters when 10,000 devices reconnect.
                    CertificateChainPolicy = devicePolicy.Clone(),
#pragma warning disable CA5359 // Deliberate: validation happens per request against the pinned fleet CA, see above.
                    RemoteCertificateValidationCallback = (_, _, _, _) => true,
#pragma warning restore CA5359
                }),
            });
        });
        options.Listen(adminAddress.Address, adminAddress.Port, listen =>
        {
            bound.Admin = listen;
            Tag(listen, ListenerKind.Admin);
            if (adminAddress.Https)
            {
                listen.UseHttps(credentials.ServerCertificate);
            }
        });
    }

    private static void Tag(ListenOptions listen, ListenerKind kind)
    {
        var feature = new ListenerFeature(kind);
        listen.Use(next => connection =>
        {
            connection.Features.Set(feature);
            return next(connection);
        });
    }
}
