using System.Globalization;
using System.Text;

namespace Outpost.EndToEnd.Updates;

/// <summary>Tallies where each SIGKILL landed and what the device ran afterwards, as a Markdown table.</summary>
internal sealed class KillOutcomes
{
    private readonly SortedDictionary<string, int[]> _byStep = new(StringComparer.Ordinal);

    public int Kills { get; private set; }

    public int Repairs { get; private set; }

    public int MaxWorkloadProcesses { get; private set; }

    public void Add(string step, bool onDesired, int repairs, int workloadProcesses)
    {
        if (!_byStep.TryGetValue(step, out var counts))
        {
            _byStep[step] = counts = new int[3];
        }

        counts[onDesired ? 1 : 0]++;
        counts[2] += repairs;
        Kills++;
        Repairs += repairs;
        MaxWorkloadProcesses = Math.Max(MaxWorkloadProcesses, workloadProcesses);
    }

    public string ToMarkdown(int seed, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Kills} SIGKILLs, seed {seed}, {elapsed.TotalSeconds:0} s; journal consistent and `current` complete after every kill.");
        text.AppendLine();
        text.AppendLine("| step running when killed | kills | old release after kill | desired release after kill | repairs logged by the killed agent at its start-up |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var (step, c) in _byStep)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {step} | {c[0] + c[1]} | {c[0]} | {c[1]} | {c[2]} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"| **total** | {Kills} | {_byStep.Values.Sum(c => c[0])} | {_byStep.Values.Sum(c => c[1])} | {Repairs} |");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Most workload processes alive after a kill: {MaxWorkloadProcesses} (one release runs one process).");
        return text.ToString();
    }
}
