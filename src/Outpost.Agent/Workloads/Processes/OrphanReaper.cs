using System.Text;
using Microsoft.Extensions.Logging;

namespace Outpost.Agent.Workloads.Processes;

/// <summary>
/// Stops the workload processes a previous agent left running (it was SIGKILLed or crashed). A recorded PID is only
/// signalled when /proc still shows the same start time: a PID the kernel has since given to an unrelated process is
/// left alone. The same TERM → stop timeout → KILL sequence as a normal stop, to the whole process group when the
/// process led one.
/// </summary>
internal sealed class OrphanReaper(TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan UnrecordedStopTimeout = TimeSpan.FromSeconds(5);

    public Task ReapAsync(IReadOnlyList<PidRecord> leftovers) => Task.WhenAll(leftovers.Select(ReapAsync));

    /// <summary>
    /// Stops every process whose environment holds <paramref name="ownerEntry"/> (<c>OUTPOST_WORKLOAD_OWNER=DATA_DIR</c>):
    /// the backstop for what the pid file cannot know, a process the previous agent was killed between starting and
    /// recording, and children that left their process group. Only for processes of a previous agent: call it before
    /// this agent starts any. /proc/PID/environ is readable for the agent's own user's processes only.
    /// </summary>
    public Task ReapMarkedAsync(string ownerEntry)
    {
        var wanted = Encoding.UTF8.GetBytes(ownerEntry);
        var marked = new List<PidRecord>();
        foreach (var stat in ProcStat.All().Where(s => s.Pid != Environment.ProcessId))
        {
            try
            {
                if (HasEntry(File.ReadAllBytes($"/proc/{stat.Pid}/environ"), wanted))
                {
                    marked.Add(new PidRecord(stat.Pid, stat.StartTime, stat.ProcessGroup == stat.Pid, UnrecordedStopTimeout, "(unrecorded)", "(unrecorded)"));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile, or another user's process: not ours.
            }
        }

        return ReapAsync(marked);
    }

    private static bool HasEntry(ReadOnlySpan<byte> environment, ReadOnlySpan<byte> entry)
    {
        foreach (var range in environment.Split((byte)0))
        {
            if (environment[range].SequenceEqual(entry))
            {
                return true;
            }
        }

        return false;
    }

    private async Task ReapAsync(PidRecord record)
    {
        var stat = ProcStat.Read(record.Pid);
        if (stat is { IsAlive: true } live && live.StartTime == record.StartTime)
        {
            var group = record.Group && live.ProcessGroup == record.Pid;
            Log.LeftoverStopping(logger, record.Pid, record.Release, record.Process);
            PosixSignals.Send(record.Pid, PosixSignals.Terminate, group);
            if (!await ExitedAsync(record, record.StopTimeout))
            {
                PosixSignals.Send(record.Pid, PosixSignals.Kill, group);
                await ExitedAsync(record, KillWait);
            }
        }
        else if (stat is { IsAlive: true })
        {
            Log.LeftoverPidReused(logger, record.Pid, record.Release, record.Process);
            // A live PID cannot be reused while a process group of that id exists: nothing of the old group is left.
            return;
        }

        if (record.Group)
        {
            KillStrays(record);
        }
    }

    private async Task<bool> ExitedAsync(PidRecord record, TimeSpan timeout)
    {
        var deadline = time.GetUtcNow() + timeout;
        while (ProcStat.Read(record.Pid) is { IsAlive: true } stat && stat.StartTime == record.StartTime)
        {
            if (time.GetUtcNow() >= deadline)
            {
                return false;
            }

            await Task.Delay(Poll, time);
        }

        return true;
    }

    /// <summary>Children still in the group after its leader is gone: started after it, so never an unrelated process.</summary>
    private void KillStrays(PidRecord record)
    {
        foreach (var stray in ProcStat.All().Where(s => s.ProcessGroup == record.Pid && s.StartTime >= record.StartTime))
        {
            Log.LeftoverStrayKilled(logger, stray.Pid, record.Release, record.Process);
            PosixSignals.Send(stray.Pid, PosixSignals.Kill, group: false);
        }
    }
}
