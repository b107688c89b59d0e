using Microsoft.Playwright;

namespace Outpost.EndToEnd.Dashboard;

/// <summary>
/// Debian's Chromium (<c>apt-get install chromium</c>, done by .ci/run), driven by Playwright — never Playwright's own
/// browser download (no internet here). <c>OUTPOST_CHROMIUM</c> names another executable. Missing on a laptop → the
/// browser tests skip; missing under CI=true → they fail, so CI never goes green without running them.
/// </summary>
internal static class Chromium
{
    public const string Variable = "OUTPOST_CHROMIUM";

    public static string Executable => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static bool Available => File.Exists(Executable);

    public static void Require()
    {
        if (Available)
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"CI=true but {Executable} is missing: .ci/run installs Debian's chromium package.");
        }

        Assert.Skip($"{Executable} is missing (apt-get install -y chromium, or set {Variable}) — browser tests skipped outside CI.");
    }

    // --no-sandbox: CI runs as root. The background-networking flags: the machine has no internet.
    public static BrowserTypeLaunchOptions LaunchOptions => new()
    {
        ExecutablePath = Executable,
        Headless = true,
        Args =
        [
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        ],
    };
}
