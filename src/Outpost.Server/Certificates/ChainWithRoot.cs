using System.Collections.ObjectModel;
using System.Net.Security;
using System.Reflection;
using System.Security.Cryptography.X509Certificates;

namespace Outpost.Server.Certificates;

/// <summary>
/// The certificate context of the device listener: leaf + fleet CA. SslStreamCertificateContext.Create drops a
/// self-signed root from the chain it sends (TrimRootCertificate in dotnet/runtime), but an agent enrolling with
/// <c>--ca-fingerprint</c> has nothing but the handshake to find the CA it pins, so the CA is put back. Covered by
/// ListenerRoutingTests.DeviceListener_TlsHandshake_SendsLeafAndFleetCa, which fails if a runtime update breaks this.
/// </summary>
internal static class ChainWithRoot
{
    public static SslStreamCertificateContext Create(X509Certificate2 leaf, X509Certificate2 ca)
    {
        var context = SslStreamCertificateContext.Create(leaf, [ca], offline: true);
        if (context.IntermediateCertificates.Any(c => c.RawData.AsSpan().SequenceEqual(ca.RawData)))
        {
            return context;
        }

        const BindingFlags flags = BindingFlags.Instance | BindingFlags.NonPublic;
        var type = typeof(SslStreamCertificateContext);
        type.GetField("<IntermediateCertificates>k__BackingField", flags)?.SetValue(context, new ReadOnlyCollection<X509Certificate2>([ca]));
        type.GetField("_privateIntermediateCertificates", flags)?.SetValue(context, new[] { ca });
        return context;
    }
}
