using System.Diagnostics;
using System.Text.Json;

namespace Outpost.Cli.Tests.Advise;

public sealed class AdviseCommandTests
{
    private const string Pilot = "fiber-pilot.yaml";

    private static void AssertOneLineError((int Exit, string Out, string Err) result, string expectedStart)
    {
        Assert.Equal(1, result.Exit);
        Assert.Equal(string.Empty, result.Out);
        Assert.StartsWith(expectedStart, result.Err, StringComparison.Ordinal);
        Assert.Single(result.Err.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
    }

    private static int LineOf(string text, string line) =>
        text[..text.IndexOf(line, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

    [Fact]
    public void Advise_NegativeRate_NamesFieldPath()
    {
        var yaml = CommandRunner.ExampleWith(Pilot, "rawMbps: 2", "rawMbps: -2");
        var line = LineOf(yaml, "rawMbps: -2");
        AssertOneLineError(CommandRunner.RunYaml(yaml), $"error: sites[0].sources[0].rawMbps: must be >= 0 (got -2) (line {line})");
    }

    [Fact]
    public void Advise_SlaBelowEdgeInference_Contradiction()
    {
        var yaml = CommandRunner.ExampleWith(Pilot, "slaMs: 300", "slaMs: 5");
        AssertOneLineError(CommandRunner.RunYaml(yaml), "error: latency.slaMs: 5 ms is below the edge inference time of 12.5 ms");
        Assert.Contains("neither the edge nor the cloud can meet it", CommandRunner.RunYaml(yaml).Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Advise_UnknownDeviceClass_ListsKnownOnes()
    {
        var yaml = CommandRunner.ExampleWith(Pilot, "class: raspberry-pi-5-hailo-8l", "class: jetson-xyz");
        var result = CommandRunner.RunYaml(yaml);
        AssertOneLineError(result, "error: device.class: unknown device class 'jetson-xyz'");
        Assert.Contains("jetson-orin-nano", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Advise_Int8OnJetsonNano_Flagged()
    {
        var yaml = CommandRunner.ExampleWith(Pilot, "class: raspberry-pi-5-hailo-8l", "class: jetson-nano");
        var result = CommandRunner.RunYaml(yaml);
        AssertOneLineError(result, "error: device.precision: ");
        Assert.Contains("does not support INT8; its fastest mode is FP16", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Advise_CustomDeviceWithoutPrice_NoDefaultExists()
    {
        var yaml = CommandRunner.ExampleWith(Pilot, "class: raspberry-pi-5-hailo-8l", "class: custom");
        AssertOneLineError(CommandRunner.RunYaml(yaml), "error: device.priceUsd: required for a custom device class (there is no default price)");
    }

    [Fact]
    public void Advise_MissingRequiredRtt_NamesField()
    {
        var yaml = CommandRunner.ExampleWith(Pilot, "    rttP99Ms: 40\n", string.Empty);
        AssertOneLineError(CommandRunner.RunYaml(yaml), "error: latency.network.rttP99Ms: required");
    }

    [Fact]
    public void Advise_UnknownField_NamesPathAndLine()
    {
        var yaml = CommandRunner.ExampleWith(Pilot, "  cloudInferenceMs: 30\n", "  cloudInferenceMs: 30\n  cloudInferenceSeconds: 1\n");
        var line = LineOf(yaml, "  cloudInferenceSeconds");
        AssertOneLineError(CommandRunner.RunYaml(yaml), $"error: latency.cloudInferenceSeconds: unknown field (line {line})");
    }

    [Fact]
    public void Advise_WrongType_NamesPathAndLine()
    {
        var yaml = CommandRunner.ExampleWith(Pilot, "rawMbps: 2", "rawMbps: fast");
        var line = LineOf(yaml, "rawMbps: fast");
        AssertOneLineError(CommandRunner.RunYaml(yaml), $"error: sites[0].sources[0].rawMbps: wrong type, expected a number (line {line})");
    }

    [Fact]
    public void Advise_YamlSyntaxError_ReportsLine()
    {
        const string yaml = "name: broken\nlatency:\n  slaMs: 10\n  - item\n";
        var result = CommandRunner.RunYaml(yaml);
        Assert.Equal(1, result.Exit);
        Assert.Matches(@"^error: advise-[0-9a-f]+\.yaml: YAML syntax error at line 4, column \d+: ", result.Err);
    }

    [Fact]
    public void Advise_MissingFile_ExitsOne()
    {
        AssertOneLineError(CommandRunner.Run("advise", "/nonexistent/workload.yaml"), "error: /nonexistent/workload.yaml: file not found");
    }

    [Fact]
    public void Advise_Json_IsParseableWithVerdictAndSeries()
    {
        var result = CommandRunner.Run("advise", RepoPaths.Example(Pilot), "--json");
        Assert.Equal(0, result.Exit);
        using var doc = JsonDocument.Parse(result.Out);
        Assert.Equal("Cloud", doc.RootElement.GetProperty("recommendation").GetProperty("verdict").GetString());
        Assert.Equal(37, doc.RootElement.GetProperty("tco").GetProperty("cumulativeEdgeUsd").GetArrayLength());
        Assert.Equal(4, doc.RootElement.GetProperty("triggers").GetArrayLength());
        Assert.Equal(5, doc.RootElement.GetProperty("antiSignals").GetArrayLength());
    }

    [Fact]
    public void Advise_HtmlAndMarkdown_SelfContainedWithChart()
    {
        var dir = Directory.CreateTempSubdirectory("advise-");
        try
        {
            var html = Path.Combine(dir.FullName, "report.html");
            var md = Path.Combine(dir.FullName, "report.md");
            var result = CommandRunner.Run("advise", RepoPaths.Example("store-video-analytics.yaml"), "--html", html, "--markdown", md);
            Assert.Equal(0, result.Exit);
            Assert.Contains("RECOMMENDATION: EDGE", result.Out, StringComparison.Ordinal);
            var page = File.ReadAllText(html);
            Assert.Contains("<svg", page, StringComparison.Ordinal);
            Assert.Contains("<polyline", page, StringComparison.Ordinal);
            Assert.DoesNotContain("http://", page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("https://", page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("src=", page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("href=", page, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("## Recommendation: **EDGE**", File.ReadAllText(md), StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Program_UsageError_ExitsTwo()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "outpost.dll");
        var psi = new ProcessStartInfo("dotnet", [dll, "advise"]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(2, process.ExitCode);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
    }
}
