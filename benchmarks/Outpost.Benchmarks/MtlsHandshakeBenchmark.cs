using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BenchmarkDotNet.Attributes;
using Outpost.Trust.Certificates;

namespace Outpost.Benchmarks;

/// <summary>
/// One full mutual-TLS handshake over loopback TCP, both ends in this process, with the fleet's certificate shapes
/// (ECDSA P-256 CA, server and device leaves) and the validation the server and the agent do: the server accepts any
/// client certificate at the TLS layer (its requests check the chain), the client checks the server against the pinned
/// CA. <see cref="FleetCaOnly"/> false is how both ends ran before: SslStream's own chain build, made before the
/// callback, used the default policy and walked the system trust store; true gives it <see cref="PinnedChain.Policy"/>.
/// A reconnect storm of 10,000 devices is 10,000 of these on each side. The time per operation is that of 64
/// handshakes made 8 at a time on this machine's cores: both ends' CPU, not one handshake's round trips.
/// </summary>
[Config(typeof(InProcessShortConfig))]
public class MtlsHandshakeBenchmark
{
    private X509Certificate2 _ca = null!;
    private X509Certificate2 _server = null!;
    private X509Certificate2 _device = null!;
    private SslStreamCertificateContext _serverContext = null!;
    private TcpListener _listener = null!;

    [Params(false, true)]
    public bool FleetCaOnly { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=bench fleet CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        _ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        _server = Issue("CN=outpost-server", "1.3.6.1.5.5.7.3.1", names.Build());
        _device = Issue("CN=device-00001", "1.3.6.1.5.5.7.3.2", null);
        // As outpost-server does: one context for every connection (built per handshake from a bare certificate).
        _serverContext = SslStreamCertificateContext.Create(_server, additionalCertificates: null, offline: true);
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start(512);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _listener.Stop();
        _listener.Dispose();
        _ca.Dispose();
        _server.Dispose();
        _device.Dispose();
    }

    /// <summary>Handshakes per invocation, <see cref="Concurrency"/> at a time: throughput, not one handshake's round trips.</summary>
    private const int Batch = 64;
    private const int Concurrency = 8;

    [Benchmark(OperationsPerInvoke = Batch)]
    public async Task<int> Handshakes()
    {
        var done = 0;
        await Parallel.ForAsync(0, Batch, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (_, _) =>
        {
            if (await HandshakeAsync())
            {
                Interlocked.Increment(ref done);
            }
        });
        return done == Batch ? done : throw new InvalidOperationException($"{Batch - done} handshakes were not mutually authenticated");
    }

    private async Task<bool> HandshakeAsync()
    {
        using var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)_listener.LocalEndpoint).Port);
        // Accepted connections are interchangeable: each pair below is one client and one server, whichever socket.
        using var accepted = await _listener.AcceptTcpClientAsync();
        accepted.NoDelay = true;
        await using var serverStream = new SslStream(accepted.GetStream());
        await using var clientStream = new SslStream(client.GetStream());
        var serverSide = serverStream.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
        {
            ServerCertificateContext = _serverContext,
            ClientCertificateRequired = true,
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            CertificateChainPolicy = FleetCaOnly ? PinnedChain.Policy(_ca) : null,
            RemoteCertificateValidationCallback = (_, _, _, _) => true,
        });
        var clientSide = clientStream.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "127.0.0.1",
            ClientCertificates = [_device],
            LocalCertificateSelectionCallback = (_, _, _, _, _) => _device,
            CertificateChainPolicy = FleetCaOnly ? PinnedChain.Policy(_ca) : null,
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                PinnedChain.Validate((X509Certificate2)certificate!, _ca, DateTimeOffset.UtcNow, out _),
        });
        await Task.WhenAll(serverSide, clientSide);
        return serverStream.IsMutuallyAuthenticated;
    }

    private X509Certificate2 Issue(string subject, string usage, X509Extension? names)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        if (names is not null)
        {
            request.CertificateExtensions.Add(names);
        }

        var now = DateTimeOffset.UtcNow;
        using var issued = request.Create(_ca, now.AddHours(-1), now.AddDays(30), RandomNumberGenerator.GetBytes(16));
        // SslStream on Linux wants the key with the certificate; a PKCS#12 round trip gives an exportable pair.
        return X509CertificateLoader.LoadPkcs12(issued.CopyWithPrivateKey(key).Export(X509ContentType.Pkcs12), null);
    }
}
