namespace Outpost.EndToEnd.Infrastructure;

/// <summary>Locates the programs built alongside this test assembly (same configuration), to run them as processes.</summary>
internal static class Binaries
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    public static string RepositoryRoot => Root.Value;

    public static string Server => Dll("Outpost.Server", "outpost-server");

    public static string Agent => Dll("Outpost.Agent", "outpost-agent");

    public static string Cli => Dll("Outpost.Cli", "outpost");

    /// <summary>
    /// How to start the agent: the JIT build through <c>dotnet</c>, or the binary named by OUTPOST_AGENT_BINARY (the
    /// NativeAOT build, which benchmarks use so that the agent's own start-up JIT is not part of their figures).
    /// </summary>
    public static (string FileName, string[] Prefix) AgentCommand =>
        Environment.GetEnvironmentVariable("OUTPOST_AGENT_BINARY") is { Length: > 0 } binary ? (binary, []) : ("dotnet", [Agent]);

    /// <summary>Starts the agent with <paramref name="arguments"/> (see <see cref="AgentCommand"/>).</summary>
    public static ChildProcess StartAgent(string name, IEnumerable<string> arguments)
    {
        var (fileName, prefix) = AgentCommand;
        // No start spread: a test's agent must check in at once whether or not the machine booted minutes ago (the
        // spread itself is covered by CheckInScheduleTests/CheckInLoopTests and the simulator's power windows).
        return ChildProcess.Start(name, fileName, [.. prefix, .. arguments], new Dictionary<string, string> { ["OUTPOST_AGENT_BOOT_WINDOW"] = "00:00:00" });
    }

    private static string Configuration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";

    private static string Dll(string project, string assembly)
    {
        var path = Path.Combine(RepositoryRoot, "src", project, "bin", Configuration, "net10.0", assembly + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is not built; build the solution first.");
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Outpost.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Outpost.slnx not found above " + AppContext.BaseDirectory);
    }
}
