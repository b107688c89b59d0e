using System.Text.RegularExpressions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Outpost.Agent.Updates.Tuf;

namespace Outpost.Agent.Updates.SelfUpdate;

/// <summary>
/// <see cref="IAgentSelfUpdate"/> on the <see cref="AgentLayout"/>: installs the release's binary as
/// <c>versions/RELEASE/</c>, tries it (<see cref="AgentTrial"/>), and only when it checked in switches <c>current</c>
/// to it, keeping the old one as <c>previous</c> and marking the new one <c>pending</c> until it checks in after its
/// own start. The watchdog (packaging/outpost-agent-watchdog) goes back to <c>previous</c> if that never happens.
/// </summary>
internal sealed partial class AgentSelfUpdater(
    AgentPaths paths, SelfUpdateOptions options, IHostApplicationLifetime? lifetime, TimeProvider time, ILogger logger)
    : IAgentSelfUpdate
{
    private readonly AgentLayout _layout = new(paths.Agent);

    public AgentLayout Layout => _layout;

    public async Task<AgentTrialResult> TrialAsync(string releaseId, string binaryPath, CancellationToken cancellationToken)
    {
        if (!SafeName().IsMatch(releaseId))
        {
            return AgentTrialResult.Fail($"'{releaseId}' cannot name an agent version folder");
        }

        if (_layout.CurrentVersion == releaseId)
        {
            // An earlier run already passed this trial and switched (the engine resumes after a restart).
            return AgentTrialResult.Pass;
        }

        if (!File.Exists(binaryPath))
        {
            return AgentTrialResult.Fail($"the release has no agent binary at {binaryPath}");
        }

        Log.TrialStarted(logger, releaseId);
        Install(releaseId, binaryPath);
        var result = await AgentTrial.RunAsync(_layout.Binary(releaseId), paths.DataDirectory, options.TrialTimeout, time, cancellationToken);
        if (!result.Passed)
        {
            if (_layout.PreviousVersion != releaseId)
            {
                Directory.Delete(_layout.Version(releaseId), recursive: true);
            }

            Log.TrialFailed(logger, releaseId, result.Detail!);
            return result;
        }

        Switch(releaseId);
        Log.TrialPassed(logger, releaseId);
        return result;
    }

    public Task HandOverAsync(CancellationToken cancellationToken)
    {
        Log.HandOver(logger);
        // Exit 0; systemd (Restart=always) starts agent/current/outpost-agent, after the watchdog's ExecStartPre.
        lifetime?.StopApplication();
        return Task.CompletedTask;
    }

    /// <summary>
    /// The watchdog's record of a binary it reverted because it never checked in, removed once taken: the engine
    /// reports it (RolledBack, AgentDidNotStart) once. Null when there is none.
    /// </summary>
    public AgentRevert? TakeRevert()
    {
        var revert = _layout.Revert();
        File.Delete(_layout.Reverted);
        return revert;
    }

    /// <summary>versions/.RELEASE.tmp with the binary (mode 0755) and libsodium.so, then renamed to versions/RELEASE.</summary>
    private void Install(string releaseId, string binaryPath)
    {
        var final = _layout.Version(releaseId);
        var temp = Path.Combine(_layout.Versions, $".{releaseId}.tmp");
        foreach (var stale in new[] { temp, final })
        {
            if (Directory.Exists(stale))
            {
                Directory.Delete(stale, recursive: true);
            }
        }

        Directory.CreateDirectory(temp);
        var binary = Path.Combine(temp, AgentLayout.BinaryName);
        File.Copy(binaryPath, binary);
        // Release files are stored without the execute bit; this is the one file the agent makes executable.
        File.SetUnixFileMode(binary, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        if (NativeLibrarySource(binaryPath) is { } library)
        {
            File.Copy(library, Path.Combine(temp, AgentLayout.NativeLibraryName));
        }

        Directory.Move(temp, final);
    }

    /// <summary>The release's own libsodium.so (next to its binary) if it ships one, else the running agent's.</summary>
    private static string? NativeLibrarySource(string binaryPath) =>
        new[] { Path.GetDirectoryName(Path.GetFullPath(binaryPath))!, AppContext.BaseDirectory }
            .Select(folder => Path.Combine(folder, AgentLayout.NativeLibraryName))
            .FirstOrDefault(File.Exists);

    /// <summary>previous → old current, pending written, then current → new: a crash between steps is recoverable (design doc).</summary>
    private void Switch(string releaseId)
    {
        if (_layout.CurrentVersion is { } old)
        {
            AgentLayout.Switch(_layout.Previous, old);
        }

        AtomicFile.Write(_layout.Pending, System.Text.Encoding.UTF8.GetBytes($"release={releaseId}\nstarts=0\n"));
        AgentLayout.Switch(_layout.Current, releaseId);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@+-]{0,200}$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeName();
}
