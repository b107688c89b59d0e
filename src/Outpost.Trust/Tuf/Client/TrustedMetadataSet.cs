using Outpost.Trust.Tuf.Metadata;
using Outpost.Trust.Tuf.Verification;

namespace Outpost.Trust.Tuf.Client;

/// <summary>
/// The verification core of the TUF detailed client workflow (TUF 5): bytes in, trusted metadata or a
/// <see cref="TufException"/> out. No I/O and no clock: the caller downloads, persists, and fixes the reference time
/// once per update (TUF 5.1). Persisted copies are fed through the same methods as downloads so that they serve as
/// rollback references; a refusal never changes what is already trusted.
/// </summary>
public sealed class TrustedMetadataSet
{
    private readonly Dictionary<string, TufMetadata<TargetsMetadata>> _targets = new(StringComparer.Ordinal);
    private readonly RootMetadata _initialRoot;

    /// <summary>TUF 5.2: loads the trusted root, which must carry a threshold of its own root keys' signatures.</summary>
    /// <param name="trustedRoot">The root shipped out of band or persisted by a previous update.</param>
    /// <param name="referenceTime">The fixed update start time (TUF 5.1) every expiry is compared with.</param>
    public TrustedMetadataSet(ReadOnlyMemory<byte> trustedRoot, DateTimeOffset referenceTime)
    {
        ReferenceTime = referenceTime;
        var root = MetadataParser.Parse<RootMetadata>(trustedRoot);
        SignatureThreshold.Require(root.Envelope, root.Signed.Role(TufRoles.Root), root.Signed.Keys, TufRoles.Root);
        Root = root;
        _initialRoot = root.Signed;
    }

    public DateTimeOffset ReferenceTime { get; }

    public TufMetadata<RootMetadata> Root { get; private set; }

    public TufMetadata<TimestampMetadata>? Timestamp { get; private set; }

    public TufMetadata<SnapshotMetadata>? Snapshot { get; private set; }

    public TufMetadata<TargetsMetadata>? Targets => GetTargets(TufRoles.Targets);

    /// <summary>
    /// TUF 5.3.11: root updates in this set changed the timestamp or snapshot keys, so persisted timestamp and
    /// snapshot files must be deleted (and are refused if offered) to recover from a fast-forward attack.
    /// </summary>
    public bool TimestampOrSnapshotKeysRotated =>
        KeysChanged(TufRoles.Timestamp) || KeysChanged(TufRoles.Snapshot);

    public TufMetadata<TargetsMetadata>? GetTargets(string role) => _targets.GetValueOrDefault(role);

    /// <summary>TUF 5.3.3–5.3.7: accepts root version N+1 signed by a threshold of version N's and of its own root keys.</summary>
    public TufMetadata<RootMetadata> UpdateRoot(ReadOnlyMemory<byte> bytes)
    {
        if (Timestamp is not null)
        {
            throw new InvalidOperationException("root cannot be updated after timestamp (TUF 5.3 precedes 5.4)");
        }

        var trusted = Root.Signed;
        var candidate = MetadataParser.Parse<RootMetadata>(bytes);
        // TUF 5.3.4: a threshold of the trusted root's keys AND of the new root's own keys.
        SignatureThreshold.Require(candidate.Envelope, trusted.Role(TufRoles.Root), trusted.Keys, TufRoles.Root);
        SignatureThreshold.Require(candidate.Envelope, candidate.Signed.Role(TufRoles.Root), candidate.Signed.Keys, TufRoles.Root);
        // TUF 5.3.5: exactly N+1; equal is "nothing new", lower is a rollback, higher skips a link of the chain.
        var version = candidate.Signed.Version;
        if (version != trusted.Version + 1)
        {
            var failure = version == trusted.Version ? TufFailure.EqualVersion
                : version < trusted.Version ? TufFailure.Rollback : TufFailure.VersionMismatch;
            throw new TufException(TufRoles.Root, failure, $"version {version} received, expected {trusted.Version + 1}");
        }

        // TUF 5.3.6: the expiry of an intermediate root does not matter; the final one is checked in 5.3.10.
        Root = candidate;
        return candidate;
    }

    /// <summary>TUF 5.4.2–5.4.4 (and 5.3.10 for the final root).</summary>
    /// <param name="bytes">timestamp.json as downloaded (capped by the caller) or as persisted.</param>
    /// <param name="isPersistedCopy">The copy the client stored last time, loaded as a rollback reference.</param>
    public TufMetadata<TimestampMetadata> UpdateTimestamp(ReadOnlyMemory<byte> bytes, bool isPersistedCopy = false)
    {
        if (Snapshot is not null)
        {
            throw new InvalidOperationException("timestamp cannot be updated after snapshot");
        }

        // TUF 5.3.10: the root chain is complete once timestamp is fetched; the final root must not be expired.
        ThrowIfExpired(Root.Signed, TufRoles.Root);
        RefuseIfRotated(TufRoles.Timestamp, isPersistedCopy);
        var root = Root.Signed;
        var candidate = MetadataParser.Parse<TimestampMetadata>(bytes);
        // TUF 5.4.2
        SignatureThreshold.Require(candidate.Envelope, root.Role(TufRoles.Timestamp), root.Keys, TufRoles.Timestamp);
        if (Timestamp is { } trusted)
        {
            // TUF 5.4.3.1
            var version = candidate.Signed.Version;
            if (version < trusted.Signed.Version)
            {
                throw new TufException(TufRoles.Timestamp, TufFailure.Rollback,
                    $"version {version} is lower than trusted version {trusted.Signed.Version}");
            }

            if (version == trusted.Signed.Version)
            {
                throw new TufException(TufRoles.Timestamp, TufFailure.EqualVersion, $"version {version} is already trusted");
            }

            // TUF 5.4.3.2
            var snapshotVersion = candidate.Signed.SnapshotMeta.Version;
            if (snapshotVersion < trusted.Signed.SnapshotMeta.Version)
            {
                throw new TufException(TufRoles.Timestamp, TufFailure.Rollback,
                    $"snapshot version {snapshotVersion} is lower than trusted {trusted.Signed.SnapshotMeta.Version}");
            }
        }

        // Trusted before the expiry check so an expired persisted copy still guards against rollback (as python-tuf).
        Timestamp = candidate;
        // TUF 5.4.4
        ThrowIfExpired(candidate.Signed, TufRoles.Timestamp);
        return candidate;
    }

    /// <summary>TUF 5.5.2–5.5.6.</summary>
    /// <param name="bytes">snapshot.json as downloaded or as persisted.</param>
    /// <param name="isPersistedCopy">The stored copy: its hashes need not match the new timestamp (5.5.2 is skipped).</param>
    public TufMetadata<SnapshotMetadata> UpdateSnapshot(ReadOnlyMemory<byte> bytes, bool isPersistedCopy = false)
    {
        var timestamp = Timestamp ?? throw new InvalidOperationException("snapshot needs a trusted timestamp first");
        if (_targets.Count > 0)
        {
            throw new InvalidOperationException("snapshot cannot be updated after targets");
        }

        ThrowIfExpired(timestamp.Signed, TufRoles.Timestamp);
        RefuseIfRotated(TufRoles.Snapshot, isPersistedCopy);
        var meta = timestamp.Signed.SnapshotMeta;
        if (!isPersistedCopy)
        {
            // TUF 5.5.2: length and hashes from timestamp, before parsing anything.
            TargetVerifier.Check(TufRoles.Snapshot, meta.Length, meta.Hashes, bytes.Span);
        }

        var root = Root.Signed;
        var candidate = MetadataParser.Parse<SnapshotMetadata>(bytes);
        // TUF 5.5.3
        SignatureThreshold.Require(candidate.Envelope, root.Role(TufRoles.Snapshot), root.Keys, TufRoles.Snapshot);
        if (Snapshot is { } trusted)
        {
            SnapshotRollback.Check(trusted.Signed, candidate.Signed);
        }

        // Trusted before the final checks so a stale persisted copy still guards against rollback (as python-tuf).
        Snapshot = candidate;
        CheckFinalSnapshot();
        return candidate;
    }

    /// <summary>TUF 5.6.2–5.6.5 for top-level targets.</summary>
    public TufMetadata<TargetsMetadata> UpdateTargets(ReadOnlyMemory<byte> bytes) =>
        UpdateDelegatedTargets(bytes, TufRoles.Targets, TufRoles.Root);

    /// <summary>TUF 5.6.2–5.6.5 for targets or a delegated targets role, verified with its delegator's keys.</summary>
    public TufMetadata<TargetsMetadata> UpdateDelegatedTargets(ReadOnlyMemory<byte> bytes, string role, string delegator)
    {
        var snapshot = Snapshot ?? throw new InvalidOperationException("targets need a trusted snapshot first");
        CheckFinalSnapshot();
        var (keys, roleKeys) = DelegationKeys.For(this, role, delegator);
        if (!snapshot.Signed.Meta.TryGetValue(TufRoles.FileName(role), out var meta))
        {
            throw new TufException(role, TufFailure.MissingMetadata, $"snapshot does not list {TufRoles.FileName(role)}");
        }

        // TUF 5.6.2
        TargetVerifier.Check(role, meta.Length, meta.Hashes, bytes.Span);
        var candidate = MetadataParser.Parse<TargetsMetadata>(bytes, role);
        // TUF 5.6.3
        SignatureThreshold.Require(candidate.Envelope, roleKeys, keys, role);
        // TUF 5.6.4: mix-and-match protection; together with 5.5.5 this is also the targets rollback check.
        if (candidate.Signed.Version != meta.Version)
        {
            throw new TufException(role, TufFailure.VersionMismatch,
                $"version {candidate.Signed.Version} received, snapshot lists version {meta.Version}");
        }

        // TUF 5.6.5
        ThrowIfExpired(candidate.Signed, role);
        _targets[role] = candidate;
        return candidate;
    }

    private void CheckFinalSnapshot()
    {
        var snapshot = Snapshot!.Signed;
        // TUF 5.5.6
        ThrowIfExpired(snapshot, TufRoles.Snapshot);
        // TUF 5.5.4
        var expected = Timestamp!.Signed.SnapshotMeta.Version;
        if (snapshot.Version != expected)
        {
            throw new TufException(TufRoles.Snapshot, TufFailure.VersionMismatch,
                $"version {snapshot.Version} received, timestamp lists version {expected}");
        }
    }

    private void ThrowIfExpired(TufSigned metadata, string role)
    {
        if (metadata.IsExpired(ReferenceTime))
        {
            throw new TufException(role, TufFailure.Expired,
                $"expired at {metadata.Expires:O} (update started {ReferenceTime:O}): possible freeze attack");
        }
    }

    private void RefuseIfRotated(string role, bool isPersistedCopy)
    {
        if (isPersistedCopy && TimestampOrSnapshotKeysRotated)
        {
            throw new TufException(role, TufFailure.KeysRotated,
                "root rotated the timestamp or snapshot keys; delete the persisted copy (fast-forward recovery)");
        }
    }

    private bool KeysChanged(string role)
    {
        var before = _initialRoot.Role(role);
        var after = Root.Signed.Role(role);
        return before.Threshold != after.Threshold || !before.KeyIds.ToHashSet(StringComparer.Ordinal).SetEquals(after.KeyIds);
    }
}
