using System.Text.Json;
using Outpost.Cli.Config;

namespace Outpost.Cli.Tests.Login;

public sealed class LoginCommandTests : IAsyncLifetime
{
    private readonly CliHarness cli = new();
    private StubAdminApi stub = null!;

    public async ValueTask InitializeAsync() => stub = await StubAdminApi.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await stub.DisposeAsync();
        cli.Dispose();
    }

    [Fact]
    public async Task Login_ValidToken_StoresConfigWithMode0600AndSaysWhoYouAre()
    {
        var result = await cli.RunAsync("login", "--server", stub.Url, "--token", StubAdminApi.OperatorToken);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.Contains($"Logged in to {stub.Url} as olga (role operator).", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("GET /v1/whoami", $"{stub.LastRequest.Method} {stub.LastRequest.PathAndQuery}");
        var config = JsonSerializer.Deserialize(File.ReadAllText(cli.ConfigPath), CliJsonContext.Default.CliConfig)!;
        Assert.Equal(stub.Url, config.Server);
        Assert.Equal(StubAdminApi.OperatorToken, config.Token);
        Assert.Null(config.CaFile);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(cli.ConfigPath));
        }
    }

    [Fact]
    public async Task Login_ThenDevicesLs_UsesStoredConfig()
    {
        await cli.RunAsync("login", "--server", stub.Url, "--token", StubAdminApi.ViewerToken);

        var result = await cli.RunAsync("devices", "ls");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Bearer " + StubAdminApi.ViewerToken, stub.LastRequest.Authorization);
    }

    [Fact]
    public async Task Login_BadToken_ExitsWith3AndStoresNothing()
    {
        var result = await cli.RunAsync("login", "--server", stub.Url, "--token", "wrong");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("error: missing or unknown admin token", result.SingleErrorLine());
        Assert.False(File.Exists(cli.ConfigPath));
    }

    [Fact]
    public async Task Login_BadToken_KeepsThePreviousConfig()
    {
        cli.WriteConfig(stub.Url, StubAdminApi.ViewerToken);

        var result = await cli.RunAsync("login", "--server", stub.Url, "--token", "wrong");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains(StubAdminApi.ViewerToken, File.ReadAllText(cli.ConfigPath), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("//")]
    public async Task Login_ServerUrlWithTrailingSlash_IsStoredWithout(string suffix)
    {
        var result = await cli.RunAsync("login", "--server", stub.Url + suffix, "--token", StubAdminApi.ViewerToken);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("/v1/whoami", stub.LastRequest.PathAndQuery);
        Assert.Contains($"\"server\": \"{stub.Url}\"", File.ReadAllText(cli.ConfigPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WithoutToken_IsAUsageError()
    {
        var result = await cli.RunAsync("login", "--server", stub.Url);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("login needs --server URL and --token TOKEN", result.SingleErrorLine(), StringComparison.Ordinal);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task Login_IgnoresACorruptConfigFile_AndReplacesIt()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(cli.ConfigPath)!);
        File.WriteAllText(cli.ConfigPath, "{ not json");

        var result = await cli.RunAsync("login", "--server", stub.Url, "--token", StubAdminApi.AdminToken);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(StubAdminApi.AdminToken, File.ReadAllText(cli.ConfigPath), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://example.com")]
    [InlineData("localhost:8080")]
    [InlineData("http://host/?x=1")]
    public async Task Login_InvalidServerUrl_IsAUsageError(string url)
    {
        var result = await cli.RunAsync("login", "--server", url, "--token", "t");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: invalid server URL '{url}'", result.SingleErrorLine(), StringComparison.Ordinal);
        Assert.False(File.Exists(cli.ConfigPath));
    }
}
