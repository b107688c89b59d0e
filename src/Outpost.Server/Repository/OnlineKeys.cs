using Outpost.Trust.Certificates;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Keys;

namespace Outpost.Server.Repository;

/// <summary>
/// The snapshot and timestamp keys: the only TUF keys the server holds. Made on the first start of a data folder
/// (ed25519, PKCS#8, mode 0600) and loaded from <c>tuf/keys/</c> afterwards.
/// </summary>
internal sealed class OnlineKeys : IDisposable
{
    public OnlineKeys(RepositoryLayout layout, ILogger<OnlineKeys> logger)
    {
        Snapshot = LoadOrCreate(layout, TufRoles.Snapshot, logger);
        Timestamp = LoadOrCreate(layout, TufRoles.Timestamp, logger);
    }

    public TufSigningKey Snapshot { get; }

    public TufSigningKey Timestamp { get; }

    public TufSigningKey For(string role) => role == TufRoles.Snapshot ? Snapshot : Timestamp;

    public void Dispose()
    {
        Snapshot.Dispose();
        Timestamp.Dispose();
    }

    private static TufSigningKey LoadOrCreate(RepositoryLayout layout, string role, ILogger logger)
    {
        var path = layout.KeyFile(role);
        if (File.Exists(path))
        {
            return TufSigningKey.ImportPkcs8(TufSchemes.Ed25519, File.ReadAllBytes(path));
        }

        var key = TufSigningKey.Generate(TufSchemes.Ed25519);
        PrivateFile.Write(path, key.ExportPkcs8());
        Log.OnlineKeyCreated(logger, role, key.KeyId);
        return key;
    }
}
