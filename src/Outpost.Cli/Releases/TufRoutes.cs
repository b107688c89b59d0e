namespace Outpost.Cli.Releases;

/// <summary>The TUF repository routes of the admin API (TUF-CONTRACT.md, "Server HTTP API").</summary>
internal static class TufRoutes
{
    public const string OnlineKeys = "/v1/tuf/online-keys";
    public const string Root = "/v1/tuf/root";
    public const string Targets = "/v1/tuf/targets";
    public const string Releases = "/v1/releases";

    public static string Blob(string sha256) => "/v1/tuf/blobs/" + sha256;

    public static string Metadata(string file) => "/v1/tuf/metadata/" + Uri.EscapeDataString(file);
}
