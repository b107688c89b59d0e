using System.Collections.Frozen;

namespace Outpost.Server.Alerts;

/// <summary>docs/runbooks/*.md, embedded at build time, so the default runbook links work without hosting the docs elsewhere.</summary>
internal static class Runbooks
{
    private static readonly FrozenDictionary<string, string> Files = Load();

    public static IEnumerable<string> Names => Files.Keys;

    public static string? Read(string file) => Files.GetValueOrDefault(file);

    private static FrozenDictionary<string, string> Load()
    {
        var assembly = typeof(Runbooks).Assembly;
        const string prefix = "Runbooks/";
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            files[name[prefix.Length..]] = reader.ReadToEnd();
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
