using Microsoft.Extensions.Logging;
using Outpost.Agent.Sync;
using Outpost.Agent.Updates.Engine;
using Outpost.Agent.Updates.Downloads;
using Outpost.Agent.Updates.Tuf;
using Outpost.Protocol.Releases;

namespace Outpost.Agent.Updates.Releases;

/// <summary>
/// The release source of a running agent: TUF metadata from <c>&lt;server&gt;/v1/tuf/metadata/</c> over the pinned
/// connection, trusted state in <c>&lt;data&gt;/tuf/</c>, staged releases in <c>&lt;data&gt;/staging/</c>.
/// </summary>
internal static class ReleaseSourceFactory
{
    /// <summary>Where the device's trusted TUF metadata lives; <c>enroll --tuf-root</c> puts the trust anchor here.</summary>
    public static string MetadataDirectory(string dataDirectory) => Path.Combine(dataDirectory, "tuf", "metadata");

    public static IReleaseSource Create(
        string dataDirectory, Uri server, HttpDeviceTransport transport, TimeProvider time, ILogger logger,
        DownloadOptions? downloads = null, DownloadMeter? meter = null)
    {
        var staging = Path.Combine(dataDirectory, "staging");
        var options = new TufClientOptions
        {
            MetadataDirectory = MetadataDirectory(dataDirectory),
            MetadataUrl = new Uri(server, TufApiRoutes.MetadataBase),
            TargetBaseUrl = new Uri(server, TufApiRoutes.TargetsBase),
            TargetDirectory = Path.Combine(dataDirectory, "tuf", "targets"),
            PartialDirectory = new AgentPaths(dataDirectory).Downloads,
            Download = downloads ?? new DownloadOptions(),
            Meter = meter ?? new DownloadMeter(),
        };
        HttpClient? http = null;
        async Task<TufUpdater> NewUpdater(CancellationToken cancellationToken)
        {
            // One client per step (steps never overlap), so a renewed certificate is picked up.
            http?.Dispose();
            http = transport.CreateDetachedClient();
            await BootstrapRootAsync(options, http, time, logger, cancellationToken);
            return new TufUpdater(options, http, time, logger);
        }

        return new TufReleaseSource(NewUpdater, new ReleaseStager(staging, () => FreeBytes(dataDirectory), options.Download.DiskReserveBytes));
    }

    /// <summary>
    /// First use: root version 1 from the server whose CA the agent pinned at enrollment, checked to be self-signed to
    /// threshold. From then on every root must chain from the stored one, so a server compromised later cannot swap it.
    /// </summary>
    private static async Task BootstrapRootAsync(
        TufClientOptions options, HttpClient http, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(options.MetadataDirectory, "root.json")))
        {
            return;
        }

        var root = await new TufHttpFetcher(http)
            .GetBytesAsync(new Uri(options.MetadataUrl, "1.root.json"), options.MaxRootBytes, "root", cancellationToken)
            ?? throw new InvalidOperationException("the server has no TUF root yet (outpost keys init)");
        TufUpdater.Initialize(options.MetadataDirectory, root, time);
        Log.RootBootstrapped(logger);
    }

    private static long FreeBytes(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        return new DriveInfo(dataDirectory).AvailableFreeSpace;
    }
}
