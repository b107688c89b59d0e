using System.Diagnostics;
using Outpost.Agent.Cli;

namespace Outpost.Agent.Tests.Updates.Tuf;

/// <summary>The tuf-conformance client protocol: "outpost-agent tuf ... init|refresh|download", exit 0 or 1.</summary>
public sealed class TufCommandTests
{
    private const string App = "releases/app/1.0.0/app.tar.gz";

    [Theory]
    [InlineData(new string[0], "missing tuf command")]
    [InlineData(new[] { "refresh" }, "missing --metadata-dir")]
    [InlineData(new[] { "--metadata-dir", "m", "refresh" }, "missing --metadata-url")]
    [InlineData(new[] { "--metadata-dir", "m", "--metadata-url", "ftp://x/", "refresh" }, "--metadata-url must be an http or https URL")]
    [InlineData(new[] { "--metadata-dir", "m", "init" }, "init takes exactly one argument")]
    [InlineData(new[] { "--metadata-dir", "m", "--metadata-url", "http://x/", "--target-dir", "t", "--target-base-url", "http://x/", "download" }, "missing --target-name")]
    [InlineData(new[] { "--metadata-dir", "m", "--bogus", "1", "refresh" }, "unknown option '--bogus'")]
    [InlineData(new[] { "--metadata-dir", "m", "frobnicate" }, "unknown tuf command 'frobnicate'")]
    [InlineData(new[] { "--metadata-dir", "/nonexistent-dir", "init", "/nonexistent/root.json" }, "cannot read /nonexistent/root.json")]
    public async Task MainAsync_BadTufArguments_ExitOneWithOneLine(string[] args, string expected)
    {
        var (code, error) = await RunInProcess(["tuf", .. args]);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task MainAsync_InitRefreshDownload_StoresTheVerifiedTarget()
    {
        await using var server = await TufTestServer.StartAsync(new TufTestRepository(expires: DateTimeOffset.UtcNow.AddDays(30)));
        using var temp = new TempDirectory();
        await File.WriteAllBytesAsync(temp.File("root.json"), server.Repository.Root(1), TestContext.Current.CancellationToken);
        string[] common = ["tuf", "--metadata-dir", temp.File("metadata"), "--metadata-url", server.MetadataUrl.AbsoluteUri];

        Assert.Equal((0, ""), await RunInProcess(["tuf", "--metadata-dir", temp.File("metadata"), "init", temp.File("root.json")]));
        Assert.Equal((0, ""), await RunInProcess([.. common, "refresh"]));
        Assert.Equal((0, ""), await RunInProcess([.. common, "--target-name", App, "--target-base-url", server.TargetsUrl.AbsoluteUri,
            "--target-dir", temp.File("targets"), "download"]));

        Assert.Equal(server.Repository.Artifacts[App], await File.ReadAllBytesAsync(
            Path.Combine(temp.File("targets"), Uri.EscapeDataString(App)), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task MainAsync_InitWithRootNotSelfSigned_ExitOne()
    {
        using var temp = new TempDirectory();
        var repository = new TufTestRepository();
        await File.WriteAllBytesAsync(temp.File("root.json"), TufTestRepository.KeepSignatures(repository.Root(1), 1), TestContext.Current.CancellationToken);

        var (code, error) = await RunInProcess(["tuf", "--metadata-dir", temp.File("metadata"), "init", temp.File("root.json")]);

        Assert.Equal(1, code);
        Assert.Contains("root", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(temp.File("metadata"), "root.json")));
    }

    [Fact]
    public async Task OutpostAgentProcess_ConformanceCommands_ExitZeroThenOneForAMissingTarget()
    {
        await using var server = await TufTestServer.StartAsync(new TufTestRepository(expires: DateTimeOffset.UtcNow.AddDays(30)));
        using var temp = new TempDirectory();
        await File.WriteAllBytesAsync(temp.File("root.json"), server.Repository.Root(1), TestContext.Current.CancellationToken);
        string[] common = ["tuf", "--metadata-dir", temp.File("metadata"), "--metadata-url", server.MetadataUrl.AbsoluteUri];
        string[] download = ["--target-base-url", server.TargetsUrl.AbsoluteUri, "--target-dir", temp.File("targets"), "download"];

        Assert.Equal((0, ""), await RunProcess(["tuf", "--metadata-dir", temp.File("metadata"), "init", temp.File("root.json")]));
        Assert.Equal((0, ""), await RunProcess([.. common, "refresh"]));
        Assert.Equal((0, ""), await RunProcess([.. common, "--target-name", App, .. download]));
        var (code, error) = await RunProcess([.. common, "--target-name", "releases/none/1/x", .. download]);

        Assert.True(File.Exists(Path.Combine(temp.File("targets"), Uri.EscapeDataString(App))));
        Assert.Equal(1, code);
        Assert.Contains("no trusted targets metadata lists this target", error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static async Task<(int Code, string Error)> RunInProcess(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await AgentProgram.MainAsync(args, _ => null, output, error);
        return (code, error.ToString());
    }

    /// <summary>The built agent as a real process (dotnet outpost-agent.dll), killed if it outlives a generous deadline.</summary>
    private static async Task<(int Code, string Error)> RunProcess(string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(AgentBinary.Path);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        var error = process.StandardError.ReadToEndAsync(deadline.Token);
        var output = process.StandardOutput.ReadToEndAsync(deadline.Token);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        await output;
        return (process.ExitCode, await error);
    }
}
