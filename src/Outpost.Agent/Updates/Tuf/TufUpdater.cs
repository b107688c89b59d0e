using Microsoft.Extensions.Logging;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Client;
using Outpost.Trust.Tuf.Metadata;

namespace Outpost.Agent.Updates.Tuf;

/// <summary>
/// The TUF detailed client workflow (TUF 5.1–5.6) over HTTP: the I/O around <see cref="TrustedMetadataSet"/>, which
/// does every verification. Downloads are byte-capped; each accepted file is persisted atomically before the next
/// step, so an interrupted update restarts from the last trusted state (e.g. the last root of a rotation chain).
/// </summary>
internal sealed class TufUpdater
{
    private readonly TufClientOptions _options;
    private readonly TufHttpFetcher _fetcher;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TufMetadataStore _store;
    private readonly Uri _metadataUrl;
    private readonly TargetDownloader _downloader;
    private TrustedMetadataSet? _set;

    public TufUpdater(TufClientOptions options, HttpClient http, TimeProvider time, ILogger logger)
    {
        _options = options;
        _fetcher = new TufHttpFetcher(http);
        _time = time;
        _logger = logger;
        _store = new TufMetadataStore(options.MetadataDirectory);
        _metadataUrl = TufFileNames.AsBase(options.MetadataUrl);
#pragma warning disable CA5394 // Backoff jitter spreads load; it is not a secret.
        _downloader = new TargetDownloader(_fetcher, options, time, options.Meter, Random.Shared.NextDouble);
#pragma warning restore CA5394
    }

    /// <summary>Resumable target downloads: partial files, retries, bandwidth cap.</summary>
    public TargetDownloader Downloads => _downloader;

    /// <summary>Stores a root obtained out of band as the trust anchor, after checking it is self-signed to threshold.</summary>
    public static void Initialize(string metadataDirectory, byte[] root, TimeProvider time)
    {
        _ = new TrustedMetadataSet(root, time.GetUtcNow());
        Directory.CreateDirectory(metadataDirectory);
        new TufMetadataStore(metadataDirectory).Write(TufRoles.Root, root);
    }

    /// <summary>TUF 5.1–5.6 for top-level metadata; the result is the trusted state for target lookups.</summary>
    public async Task<TrustedMetadataSet> RefreshAsync(CancellationToken cancellationToken)
    {
        _set = null;
        var root = _store.Read(TufRoles.Root)
            ?? throw new TufException(TufRoles.Root, TufFailure.MissingMetadata, $"no trusted root.json in {_store.Directory}");
        // TUF 5.1: one reference time for every expiry check of this update.
        var set = new TrustedMetadataSet(root, _time.GetUtcNow());
        await UpdateRootAsync(set, cancellationToken);
        if (set.TimestampOrSnapshotKeysRotated)
        {
            // TUF 5.3.11: fast-forward recovery.
            _store.Delete(TufRoles.Timestamp);
            _store.Delete(TufRoles.Snapshot);
            Log.FastForwardRecovery(_logger);
        }

        await UpdateTimestampAsync(set, cancellationToken);
        await UpdateSnapshotAsync(set, cancellationToken);
        await UpdateTargetsAsync(set, cancellationToken);
        _set = set;
        return set;
    }

    /// <summary>TUF 5.6.7: the trusted entry for a target, fetching delegated roles as needed; null when none lists it.</summary>
    public async Task<TargetMatch?> FindTargetAsync(string targetPath, CancellationToken cancellationToken)
    {
        var set = _set ?? await RefreshAsync(cancellationToken);
        var fetched = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        try
        {
            return await TargetResolver.FindAsync(set, targetPath, async (role, ct) =>
            {
                var bytes = await FetchDelegatedAsync(set, role, ct);
                fetched[role] = bytes;
                return bytes;
            }, cancellationToken: cancellationToken);
        }
        finally
        {
            // TUF 5.6.6: persist what verified, even if the search failed further down the graph.
            foreach (var (role, bytes) in fetched.Where(f => set.GetTargets(f.Key) is not null))
            {
                _store.Write(role, bytes);
            }
        }
    }

    /// <summary>TUF 5.7: the verified target in the target folder, downloaded only when no verified copy is there.</summary>
    /// <returns>The path of the stored target.</returns>
    public async Task<string> DownloadAsync(string targetPath, CancellationToken cancellationToken) =>
        await DownloadAsync(targetPath, null, cancellationToken);

    /// <summary>TUF 5.7 with progress: <paramref name="progress"/> gets the bytes of the target on disk so far.</summary>
    public async Task<string> DownloadAsync(string targetPath, Action<long>? progress, CancellationToken cancellationToken)
    {
        var targetDirectory = _options.TargetDirectory ?? throw new InvalidOperationException("no target directory configured");
        var baseUrl = _options.TargetBaseUrl ?? throw new InvalidOperationException("no target base URL configured");
        var set = _set ?? await RefreshAsync(cancellationToken);
        var match = await FindTargetAsync(targetPath, cancellationToken)
            ?? throw new TufException(targetPath, TufFailure.TargetNotFound, "no trusted targets metadata lists this target");
        Directory.CreateDirectory(targetDirectory);
        var path = Path.Combine(targetDirectory, TufFileNames.LocalTarget(targetPath));
        if (TargetStore.IsVerified(path, match))
        {
            Log.TargetCached(_logger, targetPath);
            return path;
        }

        var url = new Uri(TufFileNames.AsBase(baseUrl),
            TufFileNames.TargetUrlPath(targetPath, match.File, set.Root.Signed.ConsistentSnapshot));
        var fetchedBefore = _options.Meter.BytesFetched(targetPath);
        await _downloader.DownloadAsync(url, path, match, progress, cancellationToken);
        Log.TargetDownloaded(_logger, targetPath, match.File.Length, _options.Meter.BytesFetched(targetPath) - fetchedBefore);
        return path;
    }

    /// <summary>Bytes of the target already on disk: its whole length when a stored copy exists, else its partial's size.</summary>
    public long BytesPresent(TargetMatch match)
    {
        if (_options.TargetDirectory is { } directory)
        {
            var stored = new FileInfo(Path.Combine(directory, TufFileNames.LocalTarget(match.Path)));
            if (stored.Exists && stored.Length == match.File.Length)
            {
                return match.File.Length;
            }
        }

        return _downloader.BytesPresent(match);
    }

    private async Task UpdateRootAsync(TrustedMetadataSet set, CancellationToken cancellationToken)
    {
        // TUF 5.3.3: versioned root files regardless of consistent_snapshot, at most Y of them per update.
        for (var i = 0; i < _options.MaxRootRotations; i++)
        {
            var next = set.Root.Signed.Version + 1;
            var bytes = await _fetcher.GetBytesAsync(MetadataUrl($"{next}.root.json"), _options.MaxRootBytes, TufRoles.Root, cancellationToken);
            if (bytes is null)
            {
                return;
            }

            set.UpdateRoot(bytes);
            // TUF 5.3.8: persisted at each step, so a restart continues the chain from here.
            _store.Write(TufRoles.Root, bytes);
            Log.RootUpdated(_logger, next);
        }
    }

    private async Task UpdateTimestampAsync(TrustedMetadataSet set, CancellationToken cancellationToken)
    {
        LoadStored(TufRoles.Timestamp, bytes => set.UpdateTimestamp(bytes, isPersistedCopy: true));
        var bytes = await _fetcher.GetBytesAsync(MetadataUrl("timestamp.json"), _options.MaxTimestampBytes, TufRoles.Timestamp, cancellationToken)
            ?? throw Missing(TufRoles.Timestamp);
        try
        {
            set.UpdateTimestamp(bytes);
        }
        catch (TufException ex) when (ex.Failure == TufFailure.EqualVersion)
        {
            // Nothing new; the stored copy stays the trusted one (its expiry is checked before snapshot is used).
            return;
        }

        _store.Write(TufRoles.Timestamp, bytes);
        Log.MetadataUpdated(_logger, TufRoles.Timestamp, set.Timestamp!.Signed.Version);
    }

    private async Task UpdateSnapshotAsync(TrustedMetadataSet set, CancellationToken cancellationToken)
    {
        // A stored snapshot that still matches timestamp is current: no download (python-tuf does the same).
        if (LoadStored(TufRoles.Snapshot, bytes => set.UpdateSnapshot(bytes, isPersistedCopy: true)))
        {
            return;
        }

        var meta = set.Timestamp!.Signed.SnapshotMeta;
        var name = TufFileNames.Metadata(TufRoles.Snapshot, meta.Version, set.Root.Signed.ConsistentSnapshot);
        var bytes = await _fetcher.GetBytesAsync(MetadataUrl(name), meta.Length ?? _options.MaxSnapshotBytes, TufRoles.Snapshot, cancellationToken)
            ?? throw Missing(TufRoles.Snapshot);
        set.UpdateSnapshot(bytes);
        _store.Write(TufRoles.Snapshot, bytes);
        Log.MetadataUpdated(_logger, TufRoles.Snapshot, meta.Version);
    }

    private async Task UpdateTargetsAsync(TrustedMetadataSet set, CancellationToken cancellationToken)
    {
        if (LoadStored(TufRoles.Targets, bytes => set.UpdateTargets(bytes)))
        {
            return;
        }

        var bytes = await FetchDelegatedAsync(set, TufRoles.Targets, cancellationToken);
        set.UpdateTargets(bytes);
        _store.Write(TufRoles.Targets, bytes);
        Log.MetadataUpdated(_logger, TufRoles.Targets, set.Targets!.Signed.Version);
    }

    /// <summary>TUF 5.6.1: the version snapshot lists, capped by the length it lists (or the default cap).</summary>
    private async Task<byte[]> FetchDelegatedAsync(TrustedMetadataSet set, string role, CancellationToken cancellationToken)
    {
        if (!set.Snapshot!.Signed.Meta.TryGetValue(TufRoles.FileName(role), out var meta))
        {
            throw new TufException(role, TufFailure.MissingMetadata, $"snapshot does not list {TufRoles.FileName(role)}");
        }

        var name = TufFileNames.Metadata(role, meta.Version, set.Root.Signed.ConsistentSnapshot);
        return await _fetcher.GetBytesAsync(MetadataUrl(name), meta.Length ?? _options.MaxTargetsBytes, role, cancellationToken)
            ?? throw Missing(role);
    }

    /// <summary>Feeds the stored copy through the same checks as a download; true when it is trusted and current.</summary>
    private bool LoadStored(string role, Action<byte[]> update)
    {
        var bytes = _store.Read(role);
        if (bytes is null)
        {
            return false;
        }

        try
        {
            update(bytes);
            return true;
        }
        catch (TufException ex)
        {
            // Stale or expired copies still serve as rollback references inside the set; broken ones are ignored.
            Log.StoredMetadataRefused(_logger, role, ex.Message);
            return false;
        }
    }

    private Uri MetadataUrl(string fileName) => new(_metadataUrl, fileName);

    private static TufException Missing(string role) =>
        new(role, TufFailure.MissingMetadata, "the repository does not have this file (404)");
}
