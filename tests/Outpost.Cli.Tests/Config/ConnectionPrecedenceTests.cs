namespace Outpost.Cli.Tests.Config;

/// <summary>Server, token and CA file each come from the flag, else the environment, else the config file.</summary>
public sealed class ConnectionPrecedenceTests : IAsyncLifetime
{
    private readonly CliHarness cli = new();
    private StubAdminApi fromConfig = null!;
    private StubAdminApi fromEnv = null!;
    private StubAdminApi fromFlag = null!;

    public async ValueTask InitializeAsync()
    {
        fromConfig = await StubAdminApi.StartAsync("config");
        fromEnv = await StubAdminApi.StartAsync("env");
        fromFlag = await StubAdminApi.StartAsync("flag");
        cli.WriteConfig(fromConfig.Url, StubAdminApi.ViewerToken);
    }

    public async ValueTask DisposeAsync()
    {
        await fromConfig.DisposeAsync();
        await fromEnv.DisposeAsync();
        await fromFlag.DisposeAsync();
        cli.Dispose();
    }

    [Fact]
    public async Task Server_FlagBeatsEnvBeatsConfig()
    {
        cli.Environment["OUTPOST_SERVER"] = fromEnv.Url;

        Assert.Equal(0, (await cli.RunAsync("devices", "ls", "--server", fromFlag.Url)).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("devices", "ls")).ExitCode);
        cli.Environment.Remove("OUTPOST_SERVER");
        Assert.Equal(0, (await cli.RunAsync("devices", "ls")).ExitCode);

        Assert.Single(fromFlag.Requests);
        Assert.Single(fromEnv.Requests);
        Assert.Single(fromConfig.Requests);
    }

    [Fact]
    public async Task Token_FlagBeatsEnvBeatsConfig()
    {
        cli.Environment["OUTPOST_TOKEN"] = StubAdminApi.OperatorToken;

        await cli.RunAsync("devices", "ls", "--token", StubAdminApi.AdminToken);
        Assert.Equal("Bearer " + StubAdminApi.AdminToken, fromConfig.LastRequest.Authorization);
        await cli.RunAsync("devices", "ls");
        Assert.Equal("Bearer " + StubAdminApi.OperatorToken, fromConfig.LastRequest.Authorization);
        cli.Environment.Remove("OUTPOST_TOKEN");
        await cli.RunAsync("devices", "ls");
        Assert.Equal("Bearer " + StubAdminApi.ViewerToken, fromConfig.LastRequest.Authorization);
    }

    [Fact]
    public async Task GlobalOptions_AreAcceptedBeforeTheSubcommand()
    {
        var result = await cli.RunAsync("--server", fromFlag.Url, "--token", StubAdminApi.AdminToken, "devices", "ls");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Bearer " + StubAdminApi.AdminToken, fromFlag.LastRequest.Authorization);
    }

    [Fact]
    public async Task EnvironmentOnly_WorksWithoutAnyConfigFile()
    {
        File.Delete(cli.ConfigPath);
        cli.Environment["OUTPOST_SERVER"] = fromEnv.Url + "/";
        cli.Environment["OUTPOST_TOKEN"] = StubAdminApi.ViewerToken;

        var result = await cli.RunAsync("devices", "ls");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("/v1/devices", fromEnv.LastRequest.PathAndQuery);
    }

    [Fact]
    public async Task NoConfigAndNoEnvironment_SaysNotLoggedIn()
    {
        File.Delete(cli.ConfigPath);

        var result = await cli.RunAsync("devices", "ls");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: not logged in", result.SingleErrorLine(), StringComparison.Ordinal);
        Assert.Contains("run outpost login", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CorruptConfigFile_SaysWhichFileAndToLogInAgain()
    {
        File.WriteAllText(cli.ConfigPath, "{ nope");

        var result = await cli.RunAsync("devices", "ls");

        Assert.Equal(1, result.ExitCode);
        var line = result.SingleErrorLine();
        Assert.Contains(cli.ConfigPath, line, StringComparison.Ordinal);
        Assert.EndsWith("run outpost login again", line, StringComparison.Ordinal);
    }
}
