using Outpost.Cli.Rollouts;
using Outpost.Protocol.Releases;
using Outpost.Protocol.Rollouts;
using Outpost.Server.Rollouts;

namespace Outpost.Server.Tests.Rollouts;

/// <summary>The documented examples parse with the CLI's loader and pass the server's validation.</summary>
public sealed class RolloutExamplesTests
{
    private static string Examples()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Outpost.slnx")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder!.FullName, "examples", "rollouts");
    }

    public static TheoryData<string> Files() => [.. Directory.GetFiles(Examples(), "*.yaml").Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(Files))]
    public void Example_ParsesAndValidates(string file)
    {
        var spec = RolloutSpecFile.Load(Path.Combine(Examples(), file));
        var (name, version) = (spec.Release.Split('@')[0], spec.Release.Split('@')[1]);
        ReleaseView[] signed = [new() { Name = name, Version = version, DeviceClass = "any", Artifacts = [], TargetsVersion = 1 }];

        Assert.Null(RolloutSpecValidator.Validate(spec, signed, RolloutsOptions.DefaultKnownMetrics));
    }

    [Fact]
    public void DefaultPhases_FivePercentThenTwentyFiveThenAll()
    {
        var plan = PhasePlan.For(new RolloutSpec { Release = "a@1", Target = new() { Tags = ["x"] } }, 200);

        Assert.Equal([10, 50, 200], plan.Select(p => p.Planned));
        Assert.All(plan, p => Assert.Equal(TimeSpan.FromMinutes(10), p.Bake));
        Assert.Equal([1, 1, 3], PhasePlan.For(new RolloutSpec { Release = "a@1", Target = new() { Tags = ["x"] } }, 3).Select(p => p.Planned));
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("90s", 90)]
    [InlineData("10m", 600)]
    [InlineData("1h30m", 5400)]
    [InlineData("2d", 172800)]
    public void Duration_ValidText_Parses(string text, int seconds)
    {
        Assert.True(RolloutDuration.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromSeconds(seconds), value);
    }

    [Theory]
    [InlineData("-5m")]
    [InlineData("")]
    [InlineData("10 minutes")]
    [InlineData("30m1h")]
    public void Duration_BadText_Refused(string text) => Assert.False(RolloutDuration.TryParse(text, out _));

    [Theory]
    [InlineData(MetricDirection.HigherIsBetter, 21, 30, 0.3)]
    [InlineData(MetricDirection.HigherIsBetter, 33, 30, -0.1)]
    [InlineData(MetricDirection.LowerIsBetter, 0.012, 0.01, 0.2)]
    public void Regression_ComparedWithControl(MetricDirection direction, double updated, double control, double expected) =>
        Assert.Equal(expected, GateEvaluator.Regression(direction, updated, control), 6);
}
