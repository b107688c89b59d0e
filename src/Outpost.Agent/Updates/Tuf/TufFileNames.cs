using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Metadata;

namespace Outpost.Agent.Updates.Tuf;

/// <summary>Remote and local names of metadata and target files (TUF 5.3.12 consistent snapshots, 5.7.3).</summary>
internal static class TufFileNames
{
    /// <summary>Percent-encodes everything but unreserved characters, so '/' and '\' cannot form a path.</summary>
    public static string Escape(string name)
    {
        var escaped = Uri.EscapeDataString(name);
        // "." and ".." survive escaping unchanged and would name the folder itself or its parent.
        return escaped switch
        {
            "" => throw new TufException(name, TufFailure.Format, "empty name cannot be stored"),
            "." => "%2E",
            ".." => "%2E%2E",
            _ => escaped,
        };
    }

    /// <summary>"N.role.json" with consistent snapshots (TUF 5.5.1, 5.6.1), else "role.json".</summary>
    public static string Metadata(string role, long version, bool consistentSnapshot) =>
        consistentSnapshot ? $"{version}.{Escape(role)}.json" : $"{Escape(role)}.json";

    /// <summary>
    /// TUF 5.7.3: with consistent snapshots the last path segment is prefixed with a hash the target lists (sha256
    /// preferred). Segments are percent-encoded; '/' separates them as in the target path.
    /// </summary>
    public static string TargetUrlPath(string targetPath, TargetFile file, bool consistentSnapshot)
    {
        var segments = targetPath.Split('/');
        // URL resolution removes dot segments (even percent-encoded ones): such a path would leave the target base URL.
        if (segments.Any(s => s is "." or ".."))
        {
            throw new TufException(targetPath, TufFailure.Format, "a target path with '.' or '..' segments cannot be fetched");
        }

        segments = segments.Select(Uri.EscapeDataString).ToArray();
        if (consistentSnapshot)
        {
            var hash = file.Hashes.TryGetValue("sha256", out var sha256) ? sha256 : file.Hashes.Values.FirstOrDefault()
                ?? throw new TufException(targetPath, TufFailure.HashMismatch, "lists no hash");
            segments[^1] = $"{Uri.EscapeDataString(hash)}.{segments[^1]}";
        }

        return string.Join('/', segments);
    }

    /// <summary>The file a target is stored as in the target folder: its whole path escaped into one name.</summary>
    public static string LocalTarget(string targetPath) => Escape(targetPath);

    /// <summary>A base URL that relative names resolve under (a missing trailing slash would drop its last segment).</summary>
    public static Uri AsBase(Uri url) =>
        url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
}
