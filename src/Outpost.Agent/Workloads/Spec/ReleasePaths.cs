namespace Outpost.Agent.Workloads.Spec;

internal static class ReleasePaths
{
    /// <summary>
    /// A spec path as a full path: relative ones against the release folder, refused (null) when they leave it
    /// ("../x", "a/../../x"). Absolute paths name system programs (e.g. /usr/bin/python3) and are kept as they are.
    /// </summary>
    public static string? Resolve(string releaseDirectory, string path)
    {
        if (Path.IsPathRooted(path))
        {
            return Path.GetFullPath(path);
        }

        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(releaseDirectory));
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(root, path)));
        return full == root || full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }
}
