namespace Outpost.Agent.Workloads.Processes;

/// <summary>
/// The workload processes this agent runs, on disk (AgentPaths.WorkloadPids), so that the next agent can stop them if
/// this one dies without stopping them (SIGKILL, crash): its workload would otherwise keep running next to the one the
/// new agent starts. Rewritten atomically (temporary file + rename) on every change. Not fsynced: after a power cut no
/// process survives to be found.
/// </summary>
internal sealed class PidFile(string path)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, PidRecord> _mine = [];

    public string Path { get; } = path;

    public void Add(PidRecord record)
    {
        lock (_gate)
        {
            _mine[record.Pid] = record;
            Save();
        }
    }

    public void Remove(int pid)
    {
        lock (_gate)
        {
            if (_mine.Remove(pid))
            {
                Save();
            }
        }
    }

    /// <summary>Records in the file that are not processes of this instance: left by a previous agent.</summary>
    public IReadOnlyList<PidRecord> Leftovers()
    {
        lock (_gate)
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines(Path);
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                return [];
            }

            return [.. lines.Select(PidRecord.Parse).OfType<PidRecord>().Where(r => !_mine.ContainsKey(r.Pid))];
        }
    }

    /// <summary>Forgets the leftovers once they are stopped: the file then holds this instance's processes only.</summary>
    public void ForgetLeftovers()
    {
        lock (_gate)
        {
            Save();
        }
    }

    private void Save()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var temp = Path + ".tmp";
        File.WriteAllLines(temp, _mine.Values.Select(r => r.ToLine()));
        File.Move(temp, Path, overwrite: true);
    }
}
