using Outpost.Trust.Tuf.Metadata;

namespace Outpost.Cli.Tests;

/// <summary>A stub TUF server, a logged-in CLI harness and an offline repository folder for keys and releases tests.</summary>
internal sealed class TufTestRepo : IAsyncDisposable
{
    private TufTestRepo(StubTufRepository server, CliHarness cli)
    {
        Server = server;
        Cli = cli;
        Dir = Path.Combine(cli.Directory, "repo");
    }

    public StubTufRepository Server { get; }

    public CliHarness Cli { get; }

    public string Dir { get; }

    public string KeysDir => Path.Combine(Dir, "keys");

    public static async Task<TufTestRepo> StartAsync()
    {
        var server = await StubTufRepository.StartAsync();
        var cli = new CliHarness();
        cli.WriteConfig(server.Url, StubAdminApi.AdminToken);
        return new TufTestRepo(server, cli);
    }

    /// <summary>keys init with small key counts (fast); returns the result for tests that look at it.</summary>
    public async Task<CliResult> InitAsync(params string[] extra)
    {
        var result = await Cli.RunAsync(["keys", "init", "--dir", Dir, "--root-keys", "2", "--root-threshold", "2", .. extra]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return result;
    }

    public string WriteFile(string name, byte[] contents)
    {
        var path = Path.Combine(Cli.Directory, name);
        File.WriteAllBytes(path, contents);
        return path;
    }

    public string WriteFile(string name, string contents) => WriteFile(name, System.Text.Encoding.UTF8.GetBytes(contents));

    public async Task<CliResult> CreateAsync(string name, string version, params string[] artifacts)
    {
        string[] args = ["release", "create", "--dir", Dir, "--name", name, "--version", version, "--device-class", "rpi4"];
        foreach (var artifact in artifacts)
        {
            args = [.. args, "--artifact", artifact];
        }

        return await Cli.RunAsync(args);
    }

    public async Task<CliResult> PushAsync(string reference) => await Cli.RunAsync("release", "push", "--dir", Dir, reference);

    public string StagedFile(string name, string version, string file) => Path.Combine(Dir, "staged", $"{name}-{version}", file);

    public TufMetadata<RootMetadata> LocalRoot() => MetadataParser.Parse<RootMetadata>(File.ReadAllBytes(Path.Combine(Dir, "root.json")));

    /// <summary>Mode 0600: the owner alone may read the secret.</summary>
    public static void AssertPrivate(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    public async ValueTask DisposeAsync()
    {
        Cli.Dispose();
        await Server.DisposeAsync();
    }
}
