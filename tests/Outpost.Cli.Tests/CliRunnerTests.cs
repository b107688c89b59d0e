using System.Net;
using System.Net.Sockets;

namespace Outpost.Cli.Tests;

/// <summary>The error contract: one line on stderr, never a stack trace, and the documented exit code.</summary>
public sealed class CliRunnerTests : IAsyncLifetime
{
    private readonly CliHarness cli = new();
    private StubAdminApi stub = null!;

    public async ValueTask InitializeAsync()
    {
        stub = await StubAdminApi.StartAsync();
        cli.WriteConfig(stub.Url, StubAdminApi.ViewerToken);
    }

    public async ValueTask DisposeAsync()
    {
        await stub.DisposeAsync();
        cli.Dispose();
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("devices")]
    [InlineData("devices", "show")]
    [InlineData("devices", "ls", "--frobnicate")]
    [InlineData("devices", "show", "a", "b")]
    [InlineData("tokens", "revoke")]
    public async Task Run_UsageError_ExitsWith2AndOneLine(params string[] args)
    {
        var result = await cli.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.EndsWith("(see outpost --help)", result.SingleErrorLine(), StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task Run_Help_PrintsCommandsAndExits0()
    {
        var result = await cli.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("devices", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("admin-tokens", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task Run_UnreachableServer_ExitsWith1AndNamesTheServer()
    {
        var deadUrl = $"http://127.0.0.1:{UnusedPort()}";

        var result = await cli.RunAsync("devices", "ls", "--server", deadUrl);

        Assert.Equal(1, result.ExitCode);
        var line = result.SingleErrorLine();
        Assert.StartsWith($"error: cannot reach server at {deadUrl}: ", line, StringComparison.Ordinal);
        Assert.Contains("refused", line, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Run_UnknownHost_ExitsWith1()
    {
        var result = await cli.RunAsync("devices", "ls", "--server", "http://no-such-host.invalid:8080");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: cannot reach server at http://no-such-host.invalid:8080: ", result.SingleErrorLine(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ServerNeverAnswers_TimesOutWithOneLine()
    {
        stub.Hang = true;
        cli.HttpTimeout = TimeSpan.FromMilliseconds(300);

        var result = await cli.RunAsync("devices", "ls");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: cannot reach server at {stub.Url}: no answer within 0.3 s", result.SingleErrorLine());
    }

    [Fact]
    public async Task Run_ServerStallsAfterHeaders_TimesOutWithOneLine()
    {
        stub.StallBody = true;
        cli.HttpTimeout = TimeSpan.FromMilliseconds(300);

        var result = await cli.RunAsync("devices", "ls");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: cannot reach server at {stub.Url}: no answer within 0.3 s", result.SingleErrorLine());
    }

    [Fact]
    public async Task Run_NonProblemErrorPage_ReportsStatusAndShortBody()
    {
        var result = await cli.RunAsync("devices", "show", "proxy-down");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: server answered HTTP 502: <html><body>502 Bad Gateway</body></html>", result.SingleErrorLine());
    }

    [Fact]
    public async Task Run_ProblemWithTitleOnly_UsesTheTitle()
    {
        var result = await cli.RunAsync("devices", "show", "crash");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: An error occurred while processing your request.", result.SingleErrorLine());
    }

    [Fact]
    public async Task Run_RevokedOrUnknownToken_ExitsWith3()
    {
        var result = await cli.RunAsync("tokens", "ls", "--token", "revoked-long-ago");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("error: missing or unknown admin token", result.SingleErrorLine());
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
