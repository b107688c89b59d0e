namespace Outpost.Protocol.Releases;

/// <summary>Paths of the TUF repository and release routes (docs/repository.md). Shared by the server, CLI and agent.</summary>
public static class TufApiRoutes
{
    /// <summary>Admin listener, viewer: the server's online snapshot and timestamp public keys as TUF key objects.</summary>
    public const string OnlineKeys = "/v1/tuf/online-keys";

    /// <summary>Admin listener, admin: POST a signed root (first root or rotation).</summary>
    public const string Root = "/v1/tuf/root";

    /// <summary>Admin listener, operator: POST signed targets metadata.</summary>
    public const string Targets = "/v1/tuf/targets";

    /// <summary>Admin listener, viewer.</summary>
    public const string Releases = "/v1/releases";

    /// <summary>Both listeners, anonymous: metadata base URL (append root.json, N.root.json, timestamp.json, ...).</summary>
    public const string MetadataBase = "/v1/tuf/metadata/";

    /// <summary>Both listeners, anonymous: target base URL (append the target path with HASH.filename as last segment).</summary>
    public const string TargetsBase = "/v1/tuf/targets/";

    /// <summary>Admin listener, operator: PUT an artifact's bytes under its SHA-256 (lowercase hex).</summary>
    public static string Blob(string sha256) => $"/v1/tuf/blobs/{sha256}";

    public static string Metadata(string file) => MetadataBase + Uri.EscapeDataString(file);
}
