using Outpost.Protocol.Releases;
using System.Globalization;
using Outpost.Cli.Output;

namespace Outpost.Cli.Releases;

/// <summary>The release ls table.</summary>
internal static class ReleaseTable
{
    public static void Write(TextWriter output, IReadOnlyList<ReleaseView> releases)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(releases);
        if (releases.Count == 0)
        {
            output.WriteLine("No releases yet: outpost release create, then outpost release push.");
            return;
        }

        var table = new Table("NAME", "VERSION", "DEVICE CLASS", "ARTIFACTS", "SIZE", "TARGETS");
        foreach (var release in releases.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.TargetsVersion))
        {
            table.AddRow(
                release.Name,
                release.Version,
                release.DeviceClass,
                string.Join(",", release.Artifacts.Select(a => $"{a.Name}({a.Kind})")),
                ByteSize.Format(release.Artifacts.Sum(a => a.Length)),
                "v" + release.TargetsVersion.ToString(CultureInfo.InvariantCulture));
        }

        table.WriteTo(output);
    }
}
