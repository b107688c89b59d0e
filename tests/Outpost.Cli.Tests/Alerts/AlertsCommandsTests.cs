using System.Text.Json;
using Outpost.Protocol;

namespace Outpost.Cli.Tests.Alerts;

public sealed class AlertsCommandsTests : IAsyncLifetime
{
    private readonly CliHarness cli = new();
    private AlertsStubApi stub = null!;

    public async ValueTask InitializeAsync()
    {
        stub = await AlertsStubApi.StartAsync();
        cli.WriteConfig(stub.Url, AlertsStubApi.ViewerToken);
    }

    public async ValueTask DisposeAsync()
    {
        await stub.DisposeAsync();
        cli.Dispose();
    }

    [Fact]
    public async Task List_Default_PrintsFiringAlertsWithRunbookLinks()
    {
        var result = await cli.RunAsync("alerts", "ls");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.Equal("?state=firing", stub.Queries.Single());
        var lines = result.StdoutLines;
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("STATE ", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("RUNBOOK", lines[0], StringComparison.Ordinal);
        Assert.Contains("device-offline", lines[1], StringComparison.Ordinal);
        Assert.Contains("dev-berlin-02", lines[1], StringComparison.Ordinal);
        Assert.Contains("2m ago", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("http://outpost:8080/v1/runbooks/device-offline.md", lines[1], StringComparison.Ordinal);
        // An alert about a rollout shows the rollout where a device would be.
        Assert.Contains("ro-7", lines[2], StringComparison.Ordinal);
        var summaryColumn = lines[0].IndexOf("SUMMARY", StringComparison.Ordinal);
        Assert.Equal("Rollout ro-7", lines[2].Substring(summaryColumn, 12));
    }

    [Fact]
    public async Task List_AllForDevice_AsksForBothStates_AndShowsResolveTime()
    {
        var result = await cli.RunAsync("alerts", "ls", "--all", "--device", "dev-berlin-01");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("?state=all&device=dev-berlin-01", stub.Queries.Single());
        var row = Assert.Single(result.StdoutLines.Skip(1));
        Assert.StartsWith("resolved", row, StringComparison.Ordinal);
        Assert.Contains("2d ago", row, StringComparison.Ordinal);
        Assert.Contains("1d ago", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_Json_PrintsTheApiRecords()
    {
        var result = await cli.RunAsync("alerts", "ls", "--json");

        Assert.Equal(0, result.ExitCode);
        var list = JsonSerializer.Deserialize(result.Stdout, OutpostJsonContext.Default.AlertList)!;
        Assert.Equal(["alr-1", "alr-2"], list.Items.Select(a => a.Id));
        Assert.Equal("http://outpost:8080/v1/runbooks/device-offline.md", list.Items[0].RunbookUrl);
    }

    [Fact]
    public async Task List_NothingFiring_SaysSo()
    {
        stub.Alerts.Clear();

        var result = await cli.RunAsync("alerts", "ls");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("No firing alerts.", Assert.Single(result.StdoutLines));
    }

    [Fact]
    public async Task List_RefusedToken_IsOneErrorLineAndNonZeroExit()
    {
        cli.WriteConfig(stub.Url, "wrong");

        var result = await cli.RunAsync("alerts", "ls");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("unknown admin token", result.SingleErrorLine(), StringComparison.Ordinal);
    }
}
