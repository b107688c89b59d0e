namespace Outpost.Agent.Tests.Updates.Tuf;

/// <summary>
/// The agent as built in its own project folder (same configuration as this test assembly). The copy in the test
/// output folder cannot run on its own: its dependencies there are resolved for the test host, not for the agent.
/// </summary>
internal static class AgentBinary
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{System.IO.Path.DirectorySeparatorChar}Release{System.IO.Path.DirectorySeparatorChar}",
            StringComparison.Ordinal) ? "Release" : "Debug";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Outpost.slnx")))
            {
                return System.IO.Path.Combine(dir.FullName, "src", "Outpost.Agent", "bin", configuration, "net10.0", "outpost-agent.dll");
            }
        }

        throw new InvalidOperationException("Outpost.slnx not found above " + AppContext.BaseDirectory);
    }
}
