using System.Security.Cryptography;
using System.Text.Json;

namespace Outpost.Cli.Tests.Releases;

public sealed class ReleasePushTests
{
    [Fact]
    public async Task Push_StagedRelease_SendsEveryBlobThenTargetsWhichTheServerAccepts()
    {
        await using var repo = await TufTestRepo.StartAsync();
        await repo.InitAsync();
        var big = RandomNumberGenerator.GetBytes(3 << 20);
        var app = repo.WriteFile("app.tar", big);
        var model = repo.WriteFile("m.onnx", "weights");
        Assert.Equal(0, (await repo.CreateAsync("cam", "1.0", "app=" + app, "model=" + model)).ExitCode);

        var result = await repo.PushAsync("cam@1.0");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var writes = repo.Server.Writes.ToArray();
        Assert.Equal(4, writes.Length);
        Assert.All(writes[..3], w => Assert.StartsWith("PUT /v1/tuf/blobs/", w, StringComparison.Ordinal));
        Assert.Equal("POST /v1/tuf/targets", writes[3]);
        Assert.Equal(big, repo.Server.Blobs[Convert.ToHexStringLower(SHA256.HashData(big))]);
        Assert.Equal(File.ReadAllBytes(repo.StagedFile("cam", "1.0", "targets.json")), repo.Server.Targets[1]);
        // stderr is not a terminal here: plain progress lines, no carriage-return bar.
        Assert.Contains("uploading app.tar (3.0 MiB)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("uploaded release.json", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Pushed cam@1.0", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_ServerRefusesReusedTargetsVersion_ReasonSurfaces()
    {
        await using var repo = await TufTestRepo.StartAsync();
        await repo.InitAsync();
        // Both built on the same (empty) server state: both are targets version 1.
        Assert.Equal(0, (await repo.CreateAsync("cam", "1.0", repo.WriteFile("a.bin", "a"))).ExitCode);
        Assert.Equal(0, (await repo.CreateAsync("gate", "1.0", repo.WriteFile("b.bin", "b"))).ExitCode);
        Assert.Equal(0, (await repo.PushAsync("cam@1.0")).ExitCode);

        var result = await repo.PushAsync("gate@1.0");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("server refused targets version 1: targets version 1 reuses a version", result.Stderr, StringComparison.Ordinal);
        Assert.Single(repo.Server.Targets);
    }

    [Fact]
    public async Task Push_BlobAboveServerLimit_413ReasonSurfacesAndTargetsAreNotSent()
    {
        await using var repo = await TufTestRepo.StartAsync();
        await repo.InitAsync();
        repo.Server.MaxBlobBytes = 1000;
        Assert.Equal(0, (await repo.CreateAsync("cam", "1.0", repo.WriteFile("big.bin", new byte[100_000]))).ExitCode);

        var result = await repo.PushAsync("cam@1.0");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("error: server refused artifact big.bin: artifact larger than 1000 bytes", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("POST /v1/tuf/targets", repo.Server.Writes);
    }

    [Fact]
    public async Task Push_ServerStopsReadingTheUpload_StallTimeoutEndsItWithOneLine()
    {
        await using var repo = await TufTestRepo.StartAsync();
        await repo.InitAsync();
        // Far beyond what loopback socket buffers and Kestrel's request buffer absorb, so the client's writes block.
        Assert.Equal(0, (await repo.CreateAsync("cam", "1.0", repo.WriteFile("big.bin", new byte[48 << 20]))).ExitCode);
        repo.Server.StallBlobs = true;
        repo.Cli.HttpTimeout = TimeSpan.FromSeconds(1);

        var result = await repo.PushAsync("cam@1.0");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        // Which side gives up first depends on the machine's load: the CLI's stall timer ("upload stalled"), or
        // Kestrel aborting the stalled request (seen as a broken copy). Either way: one line, no hang, nothing published.
        var errors = result.Stderr.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 1 && (errors[0].Contains("upload stalled, no progress within 1 s", StringComparison.Ordinal)
            || errors[0].Contains("Error while copying content", StringComparison.Ordinal)), result.Stderr);
        Assert.Empty(repo.Server.Targets);
    }

    [Fact]
    public async Task Push_ArtifactChangedAfterCreate_RefusedBeforeUpload()
    {
        await using var repo = await TufTestRepo.StartAsync();
        await repo.InitAsync();
        var file = repo.WriteFile("a.bin", "original");
        Assert.Equal(0, (await repo.CreateAsync("cam", "1.0", file)).ExitCode);
        File.WriteAllText(file, "tampered, longer");

        var result = await repo.PushAsync("cam@1.0");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("changed since release create", result.SingleErrorLine(), StringComparison.Ordinal);
        Assert.Empty(repo.Server.Targets);
    }

    [Theory]
    [InlineData("cam", "is not NAME@VERSION")]
    [InlineData("cam@9.9", "is not staged")]
    public async Task Push_BadReference_OneLineError(string reference, string expected)
    {
        await using var repo = await TufTestRepo.StartAsync();
        await repo.InitAsync();

        var result = await repo.PushAsync(reference);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(expected, result.SingleErrorLine(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ls_AfterPush_TableAndJson()
    {
        await using var repo = await TufTestRepo.StartAsync();
        await repo.InitAsync();
        Assert.Equal(0, (await repo.CreateAsync("cam", "1.0", "app=" + repo.WriteFile("app.tar", new byte[2048]))).ExitCode);
        Assert.Equal(0, (await repo.PushAsync("cam@1.0")).ExitCode);

        var table = await repo.Cli.RunAsync("release", "ls");
        var json = await repo.Cli.RunAsync("release", "ls", "--json");

        Assert.True(table.ExitCode == 0, table.Stderr);
        Assert.Equal(["NAME", "VERSION", "DEVICE", "CLASS", "ARTIFACTS", "SIZE", "TARGETS"], table.StdoutLines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["cam", "1.0", "rpi4", "app.tar(app)", "2.0", "KiB", "v1"], table.StdoutLines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        using var document = JsonDocument.Parse(json.Stdout);
        var release = Assert.Single(document.RootElement.EnumerateArray().ToArray());
        Assert.Equal("cam", release.GetProperty("name").GetString());
        Assert.Equal(1, release.GetProperty("targetsVersion").GetInt64());
        Assert.Equal(2048, release.GetProperty("artifacts")[0].GetProperty("length").GetInt64());
    }

    [Fact]
    public async Task Ls_NoReleases_SaysSo()
    {
        await using var repo = await TufTestRepo.StartAsync();

        var result = await repo.Cli.RunAsync("release", "ls");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("No releases yet", result.Stdout, StringComparison.Ordinal);
    }
}
