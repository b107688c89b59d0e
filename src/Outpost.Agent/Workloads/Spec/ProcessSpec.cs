namespace Outpost.Agent.Workloads.Spec;

/// <summary>One supervised process. Relative paths resolve against the release folder and must stay inside it.</summary>
internal sealed record ProcessSpec
{
    public string? Name { get; set; }

    public string? Command { get; set; }

    public IReadOnlyList<string?> Args { get; set; } = [];

    public IReadOnlyDictionary<string, string?> Env { get; set; } = new Dictionary<string, string?>();

    public string WorkingDirectory { get; set; } = ".";

    public RestartSpec Restart { get; set; } = new();

    public CrashLoopSpec CrashLoop { get; set; } = new();

    public ProbeSpec? Probe { get; set; }

    public double StopTimeoutSeconds { get; set; } = 10;

    public LogsSpec Logs { get; set; } = new();

    public TimeSpan StopTimeout => TimeSpan.FromSeconds(StopTimeoutSeconds);
}
