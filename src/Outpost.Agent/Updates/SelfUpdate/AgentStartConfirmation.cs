using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Outpost.Agent.Sync;

namespace Outpost.Agent.Updates.SelfUpdate;

/// <summary>
/// Confirms a new agent binary: when this process started from <c>versions/R/</c> while <c>pending</c> named R, its
/// first successful check-in deletes <c>pending</c>, so the watchdog stops counting its starts. The agent that ran
/// the trial never confirms: <c>pending</c> did not exist when it started.
/// </summary>
internal sealed class AgentStartConfirmation(
    AgentLayout layout, CheckInLoop? loop, Func<string?> processPath, ILogger<AgentStartConfirmation> logger) : IHostedService
{
    private string? _pendingAtStart;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (layout.CurrentVersion is { } release && RunningFrom(release) && PendingRelease() == release)
        {
            _pendingAtStart = release;
            if (loop is not null)
            {
                loop.CheckedIn += OnCheckedIn;
            }
        }

        if (layout.Revert() is { } revert)
        {
            Log.Reverted(logger, revert.Release, revert.Reason);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (loop is not null)
        {
            loop.CheckedIn -= OnCheckedIn;
        }

        return Task.CompletedTask;
    }

    /// <summary>Deletes <c>pending</c> if it still names the release this process was started as.</summary>
    public void OnCheckedIn()
    {
        var release = Interlocked.Exchange(ref _pendingAtStart, null);
        if (release is not null && PendingRelease() == release)
        {
            File.Delete(layout.Pending);
            Log.Confirmed(logger, release);
        }
    }

    private string? PendingRelease() => AgentLayout.ReadRecord(layout.Pending).GetValueOrDefault("release");

    // By folder names, not full paths: the data folder may be reached through a link (systemd's DynamicUser
    // serves /var/lib/outpost-agent from /var/lib/private/), and the process path is the resolved one.
    private bool RunningFrom(string release) =>
        processPath() is { } path
        && Path.GetFileName(Path.GetDirectoryName(path)) == release
        && Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path))) == "versions";
}
