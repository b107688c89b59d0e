using System.Globalization;
using System.Text.RegularExpressions;
using Outpost.Trust.Tuf;

namespace Outpost.Server.Repository;

/// <summary>File names of the metadata folder (consistent snapshots, TUF 5.3.1): N.root.json, N.targets.json, N.snapshot.json, timestamp.json.</summary>
internal static partial class MetadataFiles
{
    public static readonly string Timestamp = TufRoles.FileName(TufRoles.Timestamp);

    public static string Versioned(long version, string role) =>
        string.Create(CultureInfo.InvariantCulture, $"{version}.{role}.json");

    /// <summary>The highest N of the N.{role}.json files in <paramref name="directory"/>, or 0.</summary>
    public static long LatestVersion(string directory, string role)
    {
        if (!Directory.Exists(directory))
        {
            return 0;
        }

        long latest = 0;
        foreach (var path in Directory.EnumerateFiles(directory, "*." + role + ".json"))
        {
            var match = VersionedName().Match(Path.GetFileName(path));
            if (match.Success && match.Groups["role"].Value == role
                && long.TryParse(match.Groups["version"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                latest = Math.Max(latest, version);
            }
        }

        return latest;
    }

    /// <summary>True for the names GET /v1/tuf/metadata/{file} serves; keeps any other path out of the folder lookup.</summary>
    public static bool IsServable(string name) => name == Timestamp || name == "root.json" || VersionedName().IsMatch(name);

    [GeneratedRegex("^(?<version>[1-9][0-9]{0,17})\\.(?<role>root|targets|snapshot)\\.json$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionedName();
}
