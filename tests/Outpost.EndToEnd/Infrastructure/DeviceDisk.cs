using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Outpost.EndToEnd.Infrastructure;

/// <summary>
/// Reads a device's data folder the way an inspector would after a crash: where <c>current</c> points, whether that
/// release's files match its release.json, what the update journal says, and which workload processes run. Written
/// independently of the agent's code, so a bug there cannot hide itself here.
/// </summary>
internal static class DeviceDisk
{
    /// <summary>The release folder name <c>current</c> points at, "" when it points elsewhere, null when missing.</summary>
    public static string? CurrentRelease(string dataDirectory)
    {
        var info = new FileInfo(Path.Combine(dataDirectory, "current"));
        if (info.LinkTarget is not { } target)
        {
            return info.Exists || Directory.Exists(info.FullName) ? "" : null;
        }

        var resolved = Path.GetFullPath(target, dataDirectory);
        return Path.GetDirectoryName(resolved) == Path.GetFullPath(Path.Combine(dataDirectory, "releases")) ? Path.GetFileName(resolved) : "";
    }

    /// <summary>Null when every artifact release.json lists is there with its length and sha256; else what differs.</summary>
    public static string? VerifyRelease(string releaseDirectory)
    {
        var manifest = Path.Combine(releaseDirectory, "release.json");
        if (!File.Exists(manifest))
        {
            return $"{manifest} is missing";
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(manifest));
        foreach (var artifact in document.RootElement.GetProperty("artifacts").EnumerateArray())
        {
            var path = artifact.GetProperty("path").GetString()!;
            var file = Path.Combine(releaseDirectory, path[(path.LastIndexOf('/') + 1)..]);
            if (!File.Exists(file))
            {
                return $"{file} is missing";
            }

            var bytes = File.ReadAllBytes(file);
            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (bytes.Length != artifact.GetProperty("length").GetInt64() || sha != artifact.GetProperty("sha256").GetString())
            {
                return $"{file}: {bytes.Length} bytes sha256 {sha} differ from release.json";
            }
        }

        return null;
    }

    public static JournalView? ReadJournal(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "update", "journal.json");
        if (!File.Exists(path))
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(path)); // throws on a torn journal: that is a failure
        var root = document.RootElement;
        string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        JournalOperation? operation = null;
        if (root.TryGetProperty("operation", out var op) && op.ValueKind == JsonValueKind.Object)
        {
            operation = new JournalOperation(Text(op, "target")!, Text(op, "from"), Text(op, "phase")!, Text(op, "windowStartedAt"));
        }

        return new JournalView(Text(root, "current"), Text(root, "previous"), operation, root.GetProperty("history").GetArrayLength());
    }

    /// <summary>
    /// Null when <c>current</c>, the journal and the release folder agree and the release is complete; else the problem.
    /// With no update in flight (or one not yet switching, or health-checking) <c>current</c> is the journal's; while
    /// switching or reverting it is the update's starting release or its target, nothing else.
    /// </summary>
    public static string? CheckConsistent(string dataDirectory)
    {
        var journal = ReadJournal(dataDirectory);
        var current = CurrentRelease(dataDirectory);
        if (journal is null)
        {
            return current is null ? null : $"current points at {current} but there is no journal";
        }

        var op = journal.Operation;
        var allowed = op?.Phase switch
        {
            null or "Staging" or "Installed" or "Trialed" => [journal.Current],
            "Switching" or "Reverting" => new[] { op.From, op.Target },
            "HealthCheck" => [op.Target],
            _ => [],
        };
        var expected = allowed.Select(r => r ?? "(none)").ToList();
        if (!expected.Contains(current ?? "(none)"))
        {
            return $"current points at {current ?? "(none)"}; journal current {journal.Current ?? "(none)"}, operation {op}: expected one of {string.Join(", ", expected)}";
        }

        return current is null ? null : VerifyRelease(Path.Combine(dataDirectory, "releases", current));
    }

    /// <summary>Live processes started as workloads of the agent on <paramref name="dataDirectory"/>, with their release.</summary>
    public static IReadOnlyList<(int Pid, string Release)> WorkloadProcesses(string dataDirectory)
    {
        var owner = "OUTPOST_WORKLOAD_OWNER=" + dataDirectory;
        var found = new List<(int, string)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var environment = File.ReadAllText(Path.Combine(dir, "environ")).Split('\0');
                if (environment.Contains(owner) && !IsZombie(dir))
                {
                    var release = environment.FirstOrDefault(e => e.StartsWith("OUTPOST_RELEASE_ID=", StringComparison.Ordinal))?[19..] ?? "?";
                    found.Add((pid, release));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile, or another user's process.
            }
        }

        return found;
    }

    private static bool IsZombie(string procDir)
    {
        var stat = File.ReadAllText(Path.Combine(procDir, "stat"));
        return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
    }
}
