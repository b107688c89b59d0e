using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Outpost.Agent.Configuration;
using Outpost.Agent.Identity;

namespace Outpost.Agent.Tests.Configuration;

public sealed class AgentSettingsTests
{
    private static readonly AgentState State = new() { ServerUrl = "https://from-file:8443", DeviceId = "d", DeviceClass = "pi4" };

    [Fact]
    public void Layer_SameKeyFromFileEnvironmentAndFlag_FlagWinsThenEnvironmentThenFile()
    {
        var environment = new Dictionary<string, string>
        {
            ["OUTPOST_AGENT_SERVER_URL"] = "https://from-env:8443",
            ["OUTPOST_AGENT_DEVICE_CLASS"] = "jetson",
            ["OUTPOST_AGENT_BACKOFF_BASE"] = "00:00:02",
        };
        var flags = new Dictionary<string, string> { ["--backoff-base"] = "00:00:05", ["--data-dir"] = "/tmp/x" };

        var options = Bind(AgentSettings.Layer(State, flags, environment.GetValueOrDefault));

        Assert.Equal("https://from-env:8443", options.ServerUrl);
        Assert.Equal("jetson", options.DeviceClass);
        Assert.Equal(TimeSpan.FromSeconds(5), options.BackoffBase);
        Assert.Equal("/tmp/x", options.DataDirectory);
        Assert.Equal(TimeSpan.FromSeconds(30), options.CheckInInterval);
    }

    [Fact]
    public void Layer_NothingSet_UsesDefaultsAndAgentJson()
    {
        var options = Bind(AgentSettings.Layer(State, new Dictionary<string, string>(), _ => null));

        Assert.Equal(AgentOptions.DefaultDataDirectory, options.DataDirectory);
        Assert.Equal("https://from-file:8443", options.ServerUrl);
        Assert.Equal("pi4", options.DeviceClass);
        Assert.Equal(1.0 / 3, options.RenewalThreshold, 6);
    }

    [Theory]
    [InlineData("--renewal-threshold", "1.5", "RenewalThreshold")]
    [InlineData("--check-in-interval", "-00:00:05", "CheckInInterval")]
    [InlineData("--server", "http://plain:80", "ServerUrl")]
    [InlineData("--boot-window", "-00:01:00", "BootWindow")]
    public void Validate_OutOfRange_NamesTheSetting(string flag, string value, string key)
    {
        var options = Bind(AgentSettings.Layer(State, new Dictionary<string, string> { [flag] = value }, _ => null));

        var result = new AgentOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"Agent:{key}", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var options = Bind(AgentSettings.Layer(State, new Dictionary<string, string>(), _ => null));

        Assert.Equal(ValidateOptionsResult.Success, new AgentOptionsValidator().Validate(null, options));
    }

    [Fact]
    public void Layer_DownloadAndSelfUpdateSettings_LandInTheirOwnSections()
    {
        var environment = new Dictionary<string, string> { ["OUTPOST_AGENT_MAX_DOWNLOAD_BYTES_PER_SECOND"] = "1048576" };
        var flags = new Dictionary<string, string> { ["--download-attempts"] = "7", ["--agent-trial-timeout"] = "00:02:00" };

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(AgentSettings.Layer(State, flags, environment.GetValueOrDefault)).Build();
        var downloads = new Outpost.Agent.Updates.Downloads.DownloadOptions();
        configuration.GetSection("Downloads").Bind(downloads);
        var selfUpdate = new Outpost.Agent.Updates.SelfUpdate.SelfUpdateOptions();
        configuration.GetSection("SelfUpdate").Bind(selfUpdate);

        Assert.Equal(1048576, downloads.MaxBytesPerSecond);
        Assert.Equal(7, downloads.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(1), downloads.RetryBaseDelay);
        Assert.Equal(TimeSpan.FromMinutes(2), selfUpdate.TrialTimeout);
    }

    [Fact]
    public void Layer_DownloadCapNotANumber_UsageErrorNamingTheVariable()
    {
        var environment = new Dictionary<string, string> { ["OUTPOST_AGENT_MAX_DOWNLOAD_BYTES_PER_SECOND"] = "1M" };

        var error = Assert.Throws<Outpost.Agent.Cli.UsageException>(() => AgentSettings.Layer(State, new Dictionary<string, string>(), environment.GetValueOrDefault));

        Assert.Equal("OUTPOST_AGENT_MAX_DOWNLOAD_BYTES_PER_SECOND must be a whole number like 1048576, got '1M'", error.Message);
    }

    private static AgentOptions Bind(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var options = new AgentOptions();
        configuration.GetSection(AgentOptions.Section).Bind(options);
        return options;
    }
}
