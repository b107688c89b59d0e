using Microsoft.Extensions.Options;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Metadata;

namespace Outpost.Server.Repository;

/// <summary>
/// The fleet's TUF repository: accepts offline-signed root and targets metadata, keeps snapshot and timestamp signed
/// and fresh with the online keys. Writers are serialized; readers take <see cref="State"/>, one immutable value.
/// Files are written before the state changes, so a restart reloads exactly what was served.
/// </summary>
internal sealed class TufRepository : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly RepositoryLayout _layout;
    private readonly OnlineKeys _keys;
    private readonly OnlineSigner _signer;
    private readonly BlobStore _blobs;
    private readonly TimeProvider _time;
    private readonly TufOptions _options;
    private readonly ILogger<TufRepository> _logger;
    private volatile RepositoryState _state;

    public TufRepository(
        RepositoryLayout layout, OnlineKeys keys, OnlineSigner signer, BlobStore blobs, TimeProvider time,
        IOptions<TufOptions> options, ILogger<TufRepository> logger)
    {
        (_layout, _keys, _signer, _blobs, _time, _options, _logger) = (layout, keys, signer, blobs, time, options.Value, logger);
        Directory.CreateDirectory(layout.MetadataDirectory);
        Directory.CreateDirectory(layout.BlobDirectory);
        _state = Load();
        // A crash between writing N.targets.json and the new snapshot/timestamp is repaired here.
        _state = Refresh(_state, time.GetUtcNow());
    }

    public RepositoryState State => _state;

    /// <summary>The latest root version on disk, for GET root.json; 0 before the first root upload.</summary>
    public long RootVersion => _state.Root?.Signed.Version ?? 0;

    public async Task<Refusal?> AcceptRootAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var state = _state;
            var candidate = Parse<RootMetadata>(bytes, out var refusal);
            refusal ??= RootChecks.Check(candidate!, state.Root, _keys, _time.GetUtcNow());
            if (refusal is not null)
            {
                Log.MetadataRefused(_logger, TufRoles.Root, refusal.Reason);
                return refusal;
            }

            AtomicFile.Write(_layout.MetadataFile(MetadataFiles.Versioned(candidate!.Signed.Version, TufRoles.Root)), bytes.Span);
            _state = state with { Root = candidate };
            Log.RootAccepted(_logger, candidate.Signed.Version);
            return null;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<Refusal?> AcceptTargetsAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var state = _state;
            var now = _time.GetUtcNow();
            Refusal? refusal = null;
            TufMetadata<TargetsMetadata>? candidate = null;
            if (state.Root is null)
            {
                refusal = Refusal.Conflict("no root metadata has been uploaded yet: POST /v1/tuf/root first (outpost keys init)");
            }
            else
            {
                candidate = Parse<TargetsMetadata>(bytes, out refusal);
                refusal ??= TargetsChecks.Check(candidate!, state, _blobs, now);
            }

            if (refusal is not null)
            {
                Log.MetadataRefused(_logger, TufRoles.Targets, refusal.Reason);
                return refusal;
            }

            AtomicFile.Write(_layout.MetadataFile(MetadataFiles.Versioned(candidate!.Signed.Version, TufRoles.Targets)), bytes.Span);
            _state = Refresh(state with { Targets = candidate }, now);
            Log.TargetsAccepted(_logger, candidate.Signed.Version, candidate.Signed.Targets.Count);
            return null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Re-signs snapshot and timestamp when they are stale or have less than half their lifetime left.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _state = Refresh(_state, _time.GetUtcNow());
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private RepositoryState Refresh(RepositoryState state, DateTimeOffset now)
    {
        if (state.Targets is null)
        {
            return state;
        }

        var snapshot = state.Snapshot;
        var targetsFile = TufRoles.FileName(TufRoles.Targets);
        if (snapshot is null
            || !snapshot.Signed.Meta.TryGetValue(targetsFile, out var listed) || listed.Version != state.Targets.Signed.Version
            || Due(snapshot.Signed, _options.SnapshotLifetime, now) || !SignedBy(snapshot.Envelope, _keys.Snapshot.KeyId))
        {
            snapshot = _signer.SignSnapshot(state.Targets, snapshot?.Signed.Version ?? 0, now);
        }

        var timestamp = state.Timestamp;
        if (timestamp is null || timestamp.Signed.SnapshotMeta.Version != snapshot.Signed.Version
            || Due(timestamp.Signed, _options.TimestampLifetime, now) || !SignedBy(timestamp.Envelope, _keys.Timestamp.KeyId))
        {
            timestamp = _signer.SignTimestamp(snapshot, timestamp?.Signed.Version ?? 0, now);
        }

        return state with { Snapshot = snapshot, Timestamp = timestamp };
    }

    // Replaced key files (recovery from a stolen online key) must not leave metadata signed by the old key in service.
    private static bool SignedBy(TufEnvelope envelope, string keyId) => envelope.Signatures.Any(s => s.KeyId == keyId);

    private static bool Due(TufSigned metadata, TimeSpan lifetime, DateTimeOffset now) => metadata.Expires - now < lifetime / 2;

    private RepositoryState Load()
    {
        var directory = _layout.MetadataDirectory;
        return new RepositoryState(
            LoadVersioned<RootMetadata>(MetadataFiles.LatestVersion(directory, TufRoles.Root), TufRoles.Root),
            LoadVersioned<TargetsMetadata>(MetadataFiles.LatestVersion(directory, TufRoles.Targets), TufRoles.Targets),
            LoadVersioned<SnapshotMetadata>(MetadataFiles.LatestVersion(directory, TufRoles.Snapshot), TufRoles.Snapshot),
            File.Exists(_layout.MetadataFile(MetadataFiles.Timestamp))
                ? MetadataParser.Parse<TimestampMetadata>(File.ReadAllBytes(_layout.MetadataFile(MetadataFiles.Timestamp)))
                : null);
    }

    private TufMetadata<T>? LoadVersioned<T>(long version, string role)
        where T : TufSigned, ITufRole<T> =>
        version == 0 ? null : MetadataParser.Parse<T>(File.ReadAllBytes(_layout.MetadataFile(MetadataFiles.Versioned(version, role))));

    private static TufMetadata<T>? Parse<T>(ReadOnlyMemory<byte> bytes, out Refusal? refusal)
        where T : TufSigned, ITufRole<T>
    {
        try
        {
            refusal = null;
            return MetadataParser.Parse<T>(bytes);
        }
        catch (TufException ex)
        {
            refusal = Refusal.BadRequest($"not valid {T.TypeName} metadata: {ex.Message}");
            return null;
        }
    }
}
