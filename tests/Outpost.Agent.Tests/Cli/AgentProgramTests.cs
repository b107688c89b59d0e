using Outpost.Agent.Cli;

namespace Outpost.Agent.Tests.Cli;

public sealed class AgentProgramTests
{
    private const string Fingerprint = "aa:bb:cc:dd:ee:ff:00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff:00:11:22:33:44:55:66:77:88:99";

    [Theory]
    [InlineData(new string[0], "missing command")]
    [InlineData(new[] { "frobnicate" }, "unknown command 'frobnicate'")]
    [InlineData(new[] { "enroll", "--token", "t", "--ca-file", "ca.crt" }, "missing --server")]
    [InlineData(new[] { "enroll", "--server", "https://s:8443", "--ca-file", "ca.crt" }, "missing --token")]
    [InlineData(new[] { "enroll", "--server", "not a url", "--token", "t", "--ca-file", "ca.crt" }, "--server must be an https URL")]
    [InlineData(new[] { "enroll", "--server", "http://s:8443", "--token", "t", "--ca-file", "ca.crt" }, "--server must be an https URL")]
    [InlineData(new[] { "enroll", "--server", "https://s:8443", "--token", "t" }, "exactly one of --ca-file")]
    [InlineData(new[] { "enroll", "--server", "https://s:8443", "--token", "t", "--ca-file", "x", "--ca-fingerprint", Fingerprint }, "exactly one of --ca-file")]
    [InlineData(new[] { "enroll", "--server", "https://s:8443", "--token", "t", "--ca-fingerprint", "abc123" }, "64 hex digits")]
    [InlineData(new[] { "enroll", "--server", "https://s:8443", "--token" }, "'--token' needs a value")]
    [InlineData(new[] { "enroll", "--server", "https://s:8443", "--bogus", "1" }, "unknown option '--bogus'")]
    [InlineData(new[] { "enroll", "--server", "https://a", "--server=https://b" }, "given twice")]
    [InlineData(new[] { "run", "--token", "t" }, "unknown option '--token' for 'run'")]
    [InlineData(new[] { "run", "stray" }, "unexpected argument 'stray'")]
    [InlineData(new[] { "run", "--check-in-interval", "soon" }, "--check-in-interval must be a duration")]
    [InlineData(new[] { "run", "--renewal-threshold=most" }, "--renewal-threshold must be a number")]
    public async Task MainAsync_BadArguments_PrintsOneLineAndExitsTwo(string[] args, string expected)
    {
        using var data = new TempDirectory();
        // run needs an agent.json to get as far as settings validation.
        File.WriteAllText(data.File("agent.json"), """{"serverUrl":"https://s:8443","deviceId":"d","deviceClass":"c"}""");
        var argsWithData = args.Length > 0 && args[0] == "run" ? [.. args, "--data-dir", data.Path] : args;
        var (code, output, error) = await Run(argsWithData);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(output);
    }

    [Fact]
    public async Task MainAsync_BadDurationInEnvironment_NamesTheVariable()
    {
        using var data = new TempDirectory();
        File.WriteAllText(data.File("agent.json"), """{"serverUrl":"https://s:8443","deviceId":"d","deviceClass":"c"}""");

        var (code, _, error) = await Run(["run", "--data-dir", data.Path],
            name => name == "OUTPOST_AGENT_BACKOFF_BASE" ? "fast" : null);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("OUTPOST_AGENT_BACKOFF_BASE must be a duration", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MainAsync_EnrollWithUnreadableCaFile_ExitsTwo()
    {
        var (code, _, error) = await Run(["enroll", "--server", "https://127.0.0.1:1", "--token", "t", "--ca-file", "/nonexistent/ca.crt", "--data-dir", Path.GetTempPath()]);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("cannot read --ca-file /nonexistent/ca.crt", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MainAsync_RunWithoutEnrollment_ExitsOneAndSaysEnrollFirst()
    {
        using var data = new TempDirectory();

        var (code, _, error) = await Run(["run"], name => name == "OUTPOST_AGENT_DATA_DIR" ? data.Path : null);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains($"{data.Path}/agent.json does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MainAsync_CheckInOnceWithoutEnrollment_ExitsOneWithOneLine()
    {
        using var data = new TempDirectory();

        var (code, output, error) = await Run(["check-in-once", "--data-dir", data.Path]);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Equal($"outpost-agent: not enrolled or unreadable: {data.Path}/agent.json", error.Trim());
        Assert.Empty(output);
    }

    [Fact]
    public async Task MainAsync_CheckInOnceUnknownFlag_ExitsTwo()
    {
        var (code, _, error) = await Run(["check-in-once", "--token", "t"]);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("unknown option '--token' for 'check-in-once'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MainAsync_Version_PrintsVersion()
    {
        var (code, output, _) = await Run(["--version"]);

        Assert.Equal(ExitCodes.Success, code);
        Assert.StartsWith("outpost-agent 0.", output, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> Run(string[] args, Func<string, string?>? environment = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await AgentProgram.MainAsync(args, environment ?? (_ => null), output, error);
        return (code, output.ToString(), error.ToString());
    }
}
