using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Metadata;
using Outpost.Trust.Tuf.Verification;

namespace Outpost.Server.Repository;

/// <summary>Makes and writes snapshot (N.snapshot.json) and timestamp (timestamp.json) metadata with the online keys.</summary>
internal sealed class OnlineSigner(RepositoryLayout layout, OnlineKeys keys, IOptions<TufOptions> options, ILogger<OnlineSigner> logger)
{
    public TufMetadata<SnapshotMetadata> SignSnapshot(TufMetadata<TargetsMetadata> targets, long previousVersion, DateTimeOffset now)
    {
        var targetsBytes = File.ReadAllBytes(layout.MetadataFile(MetadataFiles.Versioned(targets.Signed.Version, TufRoles.Targets)));
        var meta = new Dictionary<string, MetaFile>(StringComparer.Ordinal)
        {
            [TufRoles.FileName(TufRoles.Targets)] = Describe(targets.Signed.Version, targetsBytes),
        };
        var version = previousVersion + 1;
        var snapshot = new SnapshotMetadata(TufSigned.CurrentSpecVersion, version, now + options.Value.SnapshotLifetime, meta);
        var bytes = MetadataSigner.Sign(snapshot, [keys.Snapshot]);
        AtomicFile.Write(layout.MetadataFile(MetadataFiles.Versioned(version, TufRoles.Snapshot)), bytes);
        var signed = MetadataParser.Parse<SnapshotMetadata>(bytes);
        Log.OnlineMetadataSigned(logger, TufRoles.Snapshot, version, signed.Signed.Expires);
        return signed;
    }

    public TufMetadata<TimestampMetadata> SignTimestamp(TufMetadata<SnapshotMetadata> snapshot, long previousVersion, DateTimeOffset now)
    {
        var snapshotBytes = File.ReadAllBytes(layout.MetadataFile(MetadataFiles.Versioned(snapshot.Signed.Version, TufRoles.Snapshot)));
        var version = previousVersion + 1;
        var timestamp = new TimestampMetadata(
            TufSigned.CurrentSpecVersion, version, now + options.Value.TimestampLifetime, Describe(snapshot.Signed.Version, snapshotBytes));
        var bytes = MetadataSigner.Sign(timestamp, [keys.Timestamp]);
        AtomicFile.Write(layout.MetadataFile(MetadataFiles.Timestamp), bytes);
        var signed = MetadataParser.Parse<TimestampMetadata>(bytes);
        Log.OnlineMetadataSigned(logger, TufRoles.Timestamp, version, signed.Signed.Expires);
        return signed;
    }

    // Length and hash let clients cap the download exactly and detect a swapped file (TUF 5.5.2, 5.6.2).
    private static MetaFile Describe(long version, byte[] bytes) =>
        new(version, bytes.Length, new Dictionary<string, string> { ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes)) });
}
