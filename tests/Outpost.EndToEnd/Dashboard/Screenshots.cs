using System.Collections.Concurrent;

namespace Outpost.EndToEnd.Dashboard;

/// <summary>
/// Where page screenshots go: every page a browser test visits is saved (full page) under
/// <c>TestResults/dashboard-screenshots/</c> next to the test binaries (or <c>OUTPOST_SCREENSHOTS</c>). With
/// <c>OUTPOST_DOCS_SCREENSHOTS</c> set (scripts/dashboard-screenshots.sh), the pages the docs show are also written
/// there under their plain names (overview.png, devices.png, …) — only when the page answered 200.
/// </summary>
internal static class Screenshots
{
    /// <summary>The pages docs/dashboard.md shows.</summary>
    public static readonly IReadOnlySet<string> DocsPages = new HashSet<string>(StringComparer.Ordinal)
    {
        "login", "overview", "devices", "device-detail", "releases", "release-detail", "rollouts", "rollout-detail", "alerts",
    };

    private static readonly ConcurrentDictionary<string, int> Counters = new(StringComparer.Ordinal);
    private static readonly Lazy<string> FolderPath = new(() =>
    {
        var folder = Environment.GetEnvironmentVariable("OUTPOST_SCREENSHOTS") is { Length: > 0 } custom
            ? custom
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "dashboard-screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    });

    public static string Folder => FolderPath.Value;

    public static string? DocsFolder =>
        Environment.GetEnvironmentVariable("OUTPOST_DOCS_SCREENSHOTS") is { Length: > 0 } docs ? Directory.CreateDirectory(docs).FullName : null;

    /// <summary>A fresh file name per shot: <c>&lt;prefix&gt;-&lt;n&gt;-&lt;name&gt;.png</c>, in visiting order.</summary>
    public static string NextPath(string prefix, string name)
    {
        var n = Counters.AddOrUpdate(prefix, 1, (_, c) => c + 1);
        return Path.Combine(Folder, $"{prefix}-{n:D2}-{name}.png");
    }
}
