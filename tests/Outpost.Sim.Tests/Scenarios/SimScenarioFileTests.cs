using Outpost.Sim.Scenarios;

namespace Outpost.Sim.Tests.Scenarios;

public sealed class SimScenarioFileTests
{
    private const string Full = """
        deviceClass: camera-gw
        initialRelease: cam@1.0.0
        sites:
          - {name: hamburg, devices: 3, tags: [line-1]}
          - {name: berlin, devices: 2}
        metrics: {inference_fps: 30}
        metricsInterval: 10s
        behaviours:
          - crashOn: cam@2.0.0
            fraction: 0.5
          - metricRegression: {release: cam@2.0.0, metric: inference_fps, change: -0.3}
            sites: [berlin]
          - latency: 250ms
        offline:
          - {sites: [berlin], at: 2m, for: 30s}
          - {at: 10m, for: 1m, mode: power-off}
        install: {download: 500ms, healthCheck: 5s}
        """;

    [Fact]
    public void Parse_FullYaml_ReadsEveryField()
    {
        var scenario = SimScenarioFile.Parse(Full, "s.yaml");

        Assert.Equal("camera-gw", scenario.DeviceClass);
        Assert.Equal("cam@1.0.0", scenario.InitialRelease);
        Assert.Equal(5, scenario.TotalDevices);
        Assert.Equal(["line-1"], scenario.Sites[0].Tags);
        Assert.Equal(30, scenario.Metrics["inference_fps"]);
        Assert.Equal(TimeSpan.FromSeconds(10), scenario.MetricsInterval);
        Assert.Equal(0.5, scenario.Behaviours[0].Fraction);
        Assert.Equal(-0.3, scenario.Behaviours[1].MetricRegression!.Change);
        Assert.Equal(TimeSpan.FromMilliseconds(250), scenario.Behaviours[2].Latency);
        Assert.Equal(TimeSpan.FromMinutes(2), scenario.Offline[0].At);
        Assert.Equal(SimOfflineMode.Partition, scenario.Offline[0].Mode);
        Assert.Equal(SimOfflineMode.PowerOff, scenario.Offline[1].Mode);
        Assert.Equal(TimeSpan.FromMilliseconds(500), scenario.Install.Download);
        Assert.Equal(TimeSpan.FromSeconds(1), scenario.Install.Verify);
    }

    [Fact]
    public void Parse_Json_IsAccepted()
    {
        var scenario = SimScenarioFile.Parse("""{"sites": [{"name": "a", "devices": 4}], "offline": [{"at": "5s", "for": 10}]}""", "s.json");

        Assert.Equal(4, scenario.TotalDevices);
        Assert.Equal(TimeSpan.FromSeconds(10), scenario.Offline[0].For);
    }

    [Theory]
    [InlineData("sites: []", "sites: needs at least one site")]
    [InlineData("sites: [{name: a, devices: 0}]", "sites: the fleet has no devices")]
    [InlineData("sites: [{name: a, devices: 1}, {name: a, devices: 1}]", "sites[1].name: 'a' appears twice")]
    [InlineData("sites: [{name: a, devices: 1}]\nbehaviours: [{crashOn: x@1, fraction: 1.5}]", "behaviours[0].fraction: must be between 0 and 1")]
    [InlineData("sites: [{name: a, devices: 1}]\nbehaviours: [{crashOn: x@1, sites: [b]}]", "behaviours[0].sites: 'b' is not one of the scenario's sites")]
    [InlineData("sites: [{name: a, devices: 1}]\nbehaviours: [{fraction: 1}]", "behaviours[0]: sets no behaviour")]
    [InlineData("sites: [{name: a, devices: 1}]\nbehaviours: [{crashOn: nope}]", "behaviours[0].crashOn: must be NAME@VERSION")]
    [InlineData("sites: [{name: a, devices: 1}]\nbehaviours: [{metricRegression: {release: x@1, metric: fps, change: -0.3}}]", "behaviours[0].metricRegression.metric: 'fps' is not one of the scenario's metrics")]
    [InlineData("sites: [{name: a, devices: 1}]\noffline: [{at: 1s, for: 0s}]", "offline[0].for: must be positive")]
    [InlineData("sites: [{name: a, devices: 1}]\nmetrics: {'bad-name': 1}", "metrics.bad-name:")]
    public void Parse_InvalidScenario_NamesTheField(string yaml, string expected)
    {
        var error = Assert.Throws<SimScenarioException>(() => SimScenarioFile.Parse(yaml, "s.yaml"));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sites: [{name: a, devices: 1}]\nsurprise: 1", "s.yaml: line 2")]
    [InlineData("sites: [{name: a, devices: 1}]\noffline: [{at: soon, for: 1s}]", "'soon' is not a duration")]
    [InlineData("sites: [{name: a, devices: 1}]\noffline: [{at: 1s, for: 1s, mode: flood}]", "'flood' is not an offline mode")]
    [InlineData("", "s.yaml: the file is empty")]
    public void Parse_UnreadableScenario_SaysWhereAndWhy(string yaml, string expected)
    {
        var error = Assert.Throws<SimScenarioException>(() => SimScenarioFile.Parse(yaml, "s.yaml"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("250ms", 0.25)]
    [InlineData("30s", 30)]
    [InlineData("5m", 300)]
    [InlineData("2h", 7200)]
    [InlineData("12", 12)]
    [InlineData("1.5s", 1.5)]
    public void Duration_CommonForms_Parse(string text, double seconds)
    {
        Assert.True(SimDuration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1s")]
    [InlineData("3w")]
    [InlineData("s")]
    public void Duration_Nonsense_IsRefused(string text) => Assert.False(SimDuration.TryParse(text, out _));

    [Fact]
    public void Uniform_SpreadsDevicesOverSites()
    {
        var scenario = SimScenario.Uniform(1000, 20);

        Assert.Equal(20, scenario.Sites.Count);
        Assert.All(scenario.Sites, s => Assert.Equal(50, s.Devices));
        Assert.Equal("site-01", scenario.Sites[0].Name);
        Assert.Equal(7, SimScenario.Uniform(7, 3).TotalDevices);
    }
}
