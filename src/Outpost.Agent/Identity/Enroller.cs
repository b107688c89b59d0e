using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Outpost.Agent.Cli;
using Outpost.Agent.Sync;
using Outpost.Agent.Updates.Releases;
using Outpost.Agent.Updates.Tuf;
using Outpost.Protocol;
using Outpost.Protocol.Enrollment;
using Outpost.Trust.Certificates;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Client;

namespace Outpost.Agent.Identity;

/// <summary>
/// <c>outpost-agent enroll</c>: makes the device's key pair here (it never leaves the device), sends a CSR with the
/// one-time token to the pinned server, checks what comes back, and stores the identity in the data folder.
/// </summary>
internal sealed class Enroller(TimeProvider time, TextWriter output, TextWriter error)
{
    public async Task<int> RunAsync(EnrollArguments arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var store = new IdentityStore(arguments.DataDirectory);
        if (store.HasEnrollment && !arguments.Force)
        {
            return Fail($"already enrolled (identity files in {store.DataDirectory}); use --force to replace this device's identity");
        }

        byte[]? tufRoot;
        try
        {
            // Checked before anything is sent: a root that is not self-signed to its threshold is no anchor.
            tufRoot = arguments.TufRoot is null ? null : await File.ReadAllBytesAsync(arguments.TufRoot, cancellationToken);
            _ = tufRoot is null ? null : new TrustedMetadataSet(tufRoot, time.GetUtcNow());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or TufException)
        {
            return Fail($"--tuf-root {arguments.TufRoot}: {ex.Message}");
        }

        var ca = await PinnedCaAsync(arguments, cancellationToken);
        if (ca.Certificate is null)
        {
            return Fail(ca.Error!);
        }

        var pin = new ServerPin(ca.Certificate, time);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var client = CreateClient(arguments.Server, pin);
        var (response, keyPem, error) = await RequestAsync(
            client, pin, key, arguments.Token, Environment.MachineName, arguments.Server, time, cancellationToken);
        if (response is null)
        {
            return Fail(error!);
        }

        try
        {
            Directory.CreateDirectory(
                arguments.DataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            store.CommitPair(keyPem!, response.CertificatePem);
            store.WriteCa(response.CaCertificatePem);
            if (tufRoot is not null)
            {
                TufUpdater.Initialize(ReleaseSourceFactory.MetadataDirectory(arguments.DataDirectory), tufRoot, time);
            }

            // agent.json last: its presence means "enrollment complete".
            store.WriteState(new AgentState
            {
                ServerUrl = arguments.Server.GetLeftPart(UriPartial.Authority),
                DeviceId = response.DeviceId,
                DeviceClass = arguments.DeviceClass,
                EnrolledAt = time.GetUtcNow(),
            });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail($"cannot write to {arguments.DataDirectory}: {ex.Message}");
        }

        output.WriteLine($"outpost-agent: enrolled as device {response.DeviceId}; identity stored in {arguments.DataDirectory}");
        return ExitCodes.Success;
    }

    private static async Task<(X509Certificate2? Certificate, string? Error)> PinnedCaAsync(
        EnrollArguments arguments, CancellationToken cancellationToken)
    {
        if (arguments.CaFingerprint is { } fingerprint)
        {
            var (found, problem) = await CaDiscovery.FindAsync(arguments.Server, fingerprint, cancellationToken);
            return (found, problem);
        }

        try
        {
            return (X509CertificateLoader.LoadCertificateFromFile(arguments.CaFile!), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new UsageException($"cannot read --ca-file {arguments.CaFile}: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// The enrollment exchange without the command around it: CSR for <paramref name="key"/> and the token to the pinned
    /// server, then the answer checked. Returns the response and the key's PEM, or a one-line error. The fleet simulator
    /// (src/Outpost.Sim) enrolls each of its virtual devices through this, so it speaks the agent's protocol, not a copy.
    /// </summary>
    internal static async Task<(EnrollmentResponse? Response, string? KeyPem, string? Error)> RequestAsync(
        HttpClient client, ServerPin pin, ECDsa key, string token, string hostname, Uri server, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var request = new EnrollmentRequest { Token = token, CsrPem = DeviceCsr.Create(key, hostname), Hostname = hostname };
        var result = await DeviceApiHttp.PostAsync(
            client, DeviceApiRoutes.Enroll, request, OutpostJsonContext.Default.EnrollmentRequest,
            OutpostJsonContext.Default.EnrollmentResponse, () => pin.LastError, cancellationToken);
        if (result.Value is not { } response)
        {
            var prefix = result.Status == DeviceCallStatus.Unavailable ? $"cannot reach {server}" : "enrollment refused";
            return (null, null, $"{prefix}: {result.Detail}");
        }

        var keyPem = key.ExportPkcs8PrivateKeyPem();
        var problem = Check(response, keyPem, pin.Ca, time);
        return problem is null ? (response, keyPem, null) : (null, null, $"enrollment response rejected: {problem}");
    }

    // The certificate must be for our key, issued by the CA we pinned, and the CA the server names must be that CA.
    private static string? Check(EnrollmentResponse response, string keyPem, X509Certificate2 pinnedCa, TimeProvider time)
    {
        try
        {
            using var ca = X509Certificate2.CreateFromPem(response.CaCertificatePem);
            if (!ca.RawDataMemory.Span.SequenceEqual(pinnedCa.RawDataMemory.Span))
            {
                return "the CA certificate in the response is not the pinned CA";
            }

            using var certificate = X509Certificate2.CreateFromPem(response.CertificatePem);
            if (!IdentityStore.PemPairMatches(response.CertificatePem, keyPem))
            {
                return "the certificate is not for this device's key";
            }

            if (string.IsNullOrWhiteSpace(response.DeviceId)
                || certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false) != response.DeviceId)
            {
                return $"the certificate ({certificate.Subject}) does not name device '{response.DeviceId}'";
            }

            return PinnedChain.Validate(certificate, pinnedCa, time.GetUtcNow(), out var chainError) ? null : chainError;
        }
        catch (CryptographicException ex)
        {
            return $"unreadable certificate: {ex.Message}";
        }
    }

    internal static HttpClient CreateClient(Uri server, ServerPin pin)
    {
        var handler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(15) };
        pin.Apply(handler.SslOptions);
        return new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
    }

    private int Fail(string message)
    {
        error.WriteLine($"outpost-agent: {message}");
        return ExitCodes.Failure;
    }
}
