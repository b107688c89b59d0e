namespace Outpost.Cli.Tests.Sim;

/// <summary>outpost sim refuses what it cannot run with one line naming the flag or field, before any device enrolls.</summary>
public sealed class SimCommandTests
{
    private const string Fingerprint = "ab";

    [Fact]
    public async Task Sim_PlainHttpDeviceApi_IsAUsageError()
    {
        using var cli = new CliHarness();

        var result = await cli.RunAsync("sim", "--device-api", "http://127.0.0.1:1", "--ca-fingerprint", Fingerprint);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: --device-api must be an https URL, e.g. https://127.0.0.1:8443", result.SingleErrorLine());
    }

    [Fact]
    public async Task Sim_InvalidScenario_NamesTheField()
    {
        using var cli = new CliHarness();
        var file = Path.Combine(cli.Directory, "s.yaml");
        await File.WriteAllTextAsync(file, "sites: [{name: a, devices: 5}]\nbehaviours: [{crashOn: cam@2.0.0, fraction: 2}]\n", TestContext.Current.CancellationToken);

        var result = await cli.RunAsync("sim", "--device-api", "https://127.0.0.1:1", "--ca-fingerprint", Fingerprint, "--scenario", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: behaviours[0].fraction: must be between 0 and 1", result.SingleErrorLine());
    }

    [Theory]
    [InlineData("--measure-until", "60s")]
    [InlineData("--measure-from", "60s", "--measure-until", "60s")]
    [InlineData("--measure-from", "90s", "--measure-until", "60s")]
    public async Task Sim_MeasureUntilWithoutAnEarlierFrom_IsAUsageError(params string[] window)
    {
        using var cli = new CliHarness();

        var result = await cli.RunAsync(["sim", "--device-api", "https://127.0.0.1:1", "--ca-fingerprint", Fingerprint, .. window]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: --measure-until needs a --measure-from before it", result.SingleErrorLine());
    }

    [Fact]
    public async Task Sim_ScenarioAndDevices_IsAUsageError()
    {
        using var cli = new CliHarness();
        var file = Path.Combine(cli.Directory, "s.yaml");
        await File.WriteAllTextAsync(file, "sites: [{name: a, devices: 5}]\n", TestContext.Current.CancellationToken);

        var result = await cli.RunAsync("sim", "--device-api", "https://127.0.0.1:1", "--ca-fingerprint", Fingerprint, "--scenario", file, "--devices", "3");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("use --devices or --scenario, not both", result.SingleErrorLine(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sim_BadDuration_IsAParseError()
    {
        using var cli = new CliHarness();

        var result = await cli.RunAsync("sim", "--device-api", "https://127.0.0.1:1", "--ca-fingerprint", Fingerprint, "--duration", "soon");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("invalid duration 'soon' for --duration", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sim_ServerUnreachable_FailsWithOneLine()
    {
        using var cli = new CliHarness();

        var result = await cli.RunAsync("sim", "--device-api", "https://127.0.0.1:1", "--ca-fingerprint", Fingerprint,
            "--state-dir", Path.Combine(cli.Directory, "state"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: cannot reach https://127.0.0.1:1/", result.SingleErrorLine(), StringComparison.Ordinal);
    }
}
