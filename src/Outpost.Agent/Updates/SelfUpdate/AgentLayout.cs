using Outpost.Agent.Updates.Tuf;

namespace Outpost.Agent.Updates.SelfUpdate;

/// <summary>
/// Agent binaries under <c>&lt;data&gt;/agent/</c>: <c>versions/RELEASE/outpost-agent</c> (+ <c>libsodium.so</c>),
/// the <c>current</c> and <c>previous</c> links (relative, switched by atomic rename), <c>pending</c> while a new
/// binary is unconfirmed, <c>reverted</c> when the watchdog went back (docs/designs/agent-self-update.md).
/// </summary>
internal sealed class AgentLayout(string agentDirectory)
{
    public const string BinaryName = "outpost-agent";

    /// <summary>NSec's native library: the NativeAOT agent loads it from its own folder.</summary>
    public const string NativeLibraryName = "libsodium.so";

    public string Directory { get; } = agentDirectory;

    public string Versions => Path.Combine(Directory, "versions");

    public string Current => Path.Combine(Directory, "current");

    public string Previous => Path.Combine(Directory, "previous");

    /// <summary>"release=R" and "starts=N" lines: R is installed but has not checked in since it was started.</summary>
    public string Pending => Path.Combine(Directory, "pending");

    /// <summary>Written by the watchdog when it pointed <c>current</c> back: "release=R" and "reason=..." lines.</summary>
    public string Reverted => Path.Combine(Directory, "reverted");

    public string Version(string releaseId) => Path.Combine(Versions, releaseId);

    public string Binary(string releaseId) => Path.Combine(Version(releaseId), BinaryName);

    /// <summary>The release folder name <c>current</c> points to, or null when there is no link yet (first install).</summary>
    public string? CurrentVersion => VersionOf(Current);

    public string? PreviousVersion => VersionOf(Previous);

    /// <summary>Points <paramref name="link"/> at <c>versions/RELEASE</c>: a new link beside it, then rename(2) over it.</summary>
    public static void Switch(string link, string releaseId)
    {
        var temp = AtomicFile.TempPathFor(link);
        File.CreateSymbolicLink(temp, Path.Combine("versions", releaseId));
        try
        {
            PosixRename.Over(temp, link);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>"key=value" lines of the pending or reverted record; empty when the file does not exist.</summary>
    public static Dictionary<string, string> ReadRecord(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return values;
        }

        foreach (var line in File.ReadAllLines(path))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                values[line[..equals]] = line[(equals + 1)..];
            }
        }

        return values;
    }

    /// <summary>What the watchdog recorded when it last reverted a binary that never checked in; null if nothing.</summary>
    public AgentRevert? Revert()
    {
        var record = ReadRecord(Reverted);
        return record.TryGetValue("release", out var release) ? new AgentRevert(release, record.GetValueOrDefault("reason") ?? "unknown") : null;
    }

    private static string? VersionOf(string link) =>
        new FileInfo(link).LinkTarget is { } target ? Path.GetFileName(target.TrimEnd('/')) : null;
}
