namespace Outpost.Trust.Tuf;

/// <summary>Top-level role names (TUF 2.1) and the metadata file names snapshot and timestamp refer to them by.</summary>
public static class TufRoles
{
    public const string Root = "root";
    public const string Timestamp = "timestamp";
    public const string Snapshot = "snapshot";
    public const string Targets = "targets";

    /// <summary>METAFILES keys are file names: "targets.json", "role1.json" (TUF 4.4).</summary>
    public static string FileName(string role) => role + ".json";
}
