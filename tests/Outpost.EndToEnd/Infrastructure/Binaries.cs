namespace Outpost.EndToEnd.Infrastructure;

/// <summary>Locates the programs built alongside this test assembly (same configuration), to run them as processes.</summary>
internal static class Binaries
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    public static string RepositoryRoot => Root.Value;

    public static string Server => Dll("Outpost.Server", "outpost-server");

    public static string Agent => Dll("Outpost.Agent", "outpost-agent");

    public static string Cli => Dll("Outpost.Cli", "outpost");

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
