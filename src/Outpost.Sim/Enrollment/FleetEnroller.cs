using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Outpost.Agent.Identity;
using Outpost.Sim.Devices;
using Outpost.Sim.Scenarios;

namespace Outpost.Sim.Enrollment;

/// <summary>
/// Gives every virtual device an identity: loaded from its agent data folder under the state directory when one is
/// there for the same fleet CA and still valid, otherwise enrolled through the agent's own <see cref="Enroller"/>
/// exchange (own key, CSR, certificate from the server's enrollment endpoint) and stored with the agent's
/// <see cref="IdentityStore"/>. So a second run with the same state directory enrolls nothing.
/// </summary>
internal static class FleetEnroller
{
    public static async Task<(List<SimIdentity> Identities, int Enrolled)> LoadOrEnrollAsync(
        SimFleetOptions options, X509Certificate2 ca, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var identities = new List<SimIdentity>();
        var missing = new List<(SimSite Site, int Index, IdentityStore Store)>();
        foreach (var site in options.Scenario.Sites)
        {
            for (var i = 0; i < site.Devices; i++)
            {
                var store = new IdentityStore(DeviceFolder(options.StateDirectory, site.Name, i));
                if (TryLoad(store, site.Name, i, ca, options.Time) is { } identity)
                {
                    identities.Add(identity);
                }
                else
                {
                    missing.Add((site, i, store));
                }
            }
        }

        if (missing.Count == 0)
        {
            return (identities, 0);
        }

        progress?.Report($"enrolling {missing.Count} devices ({identities.Count} cached in {options.StateDirectory})");
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in missing.GroupBy(m => m.Site))
        {
            tokens[group.Key.Name] = options.EnrollmentToken
                ?? (options.CreateEnrollmentToken is { } create
                    ? await create(group.Key, group.Count(), cancellationToken)
                    : throw new SimFleetException("devices need enrolling: give an enrollment token or admin API access to create one"));
        }

        var pin = new ServerPin(ca, options.Time);
        using var client = Enroller.CreateClient(options.DeviceApi, pin);
        var enrolled = new SimIdentity?[missing.Count];
        var done = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, missing.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.EnrollConcurrency, CancellationToken = cancellationToken },
            async (slot, ct) =>
            {
                var (site, index, store) = missing[slot];
                enrolled[slot] = await EnrollAsync(client, pin, tokens[site.Name], site.Name, index, store, options, ct);
                if (Interlocked.Increment(ref done) % 1000 == 0)
                {
                    progress?.Report($"enrolled {done}/{missing.Count}");
                }
            });
        identities.AddRange(enrolled.Select(e => e!));
        return (identities, missing.Count);
    }

    private static async Task<SimIdentity> EnrollAsync(
        HttpClient client, ServerPin pin, string token, string site, int index, IdentityStore store,
        SimFleetOptions options, CancellationToken cancellationToken)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var hostname = $"sim-{site}-{index:D5}";
        var (response, keyPem, error) = await Enroller.RequestAsync(
            client, pin, key, token, hostname, options.DeviceApi, options.Time, cancellationToken);
        if (response is null)
        {
            throw new SimFleetException($"device {hostname}: {error}");
        }

        Directory.CreateDirectory(store.DataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        store.CommitPair(keyPem!, response.CertificatePem);
        store.WriteCa(response.CaCertificatePem);
        store.WriteState(new AgentState
        {
            ServerUrl = options.DeviceApi.GetLeftPart(UriPartial.Authority),
            DeviceId = response.DeviceId,
            DeviceClass = options.Scenario.DeviceClass,
            EnrolledAt = options.Time.GetUtcNow(),
        });
        return new SimIdentity(site, index, response.DeviceId, store, store.LoadClientCertificate());
    }

    private static SimIdentity? TryLoad(IdentityStore store, string site, int index, X509Certificate2 ca, TimeProvider time)
    {
        try
        {
            if (store.ReadState() is not { } state)
            {
                return null;
            }

            using var storedCa = store.LoadCa();
            if (!storedCa.RawDataMemory.Span.SequenceEqual(ca.RawDataMemory.Span))
            {
                return null; // Enrolled with another server (another fleet CA): enroll again.
            }

            var certificate = store.LoadClientCertificate();
            if (certificate.NotAfter.ToUniversalTime() <= time.GetUtcNow().UtcDateTime)
            {
                certificate.Dispose();
                return null;
            }

            return new SimIdentity(site, index, state.DeviceId, store, certificate);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            return null;
        }
    }

    private static string DeviceFolder(string stateDirectory, string site, int index) =>
        Path.Combine(stateDirectory, "devices", Uri.EscapeDataString(site), index.ToString("D5", System.Globalization.CultureInfo.InvariantCulture));
}
