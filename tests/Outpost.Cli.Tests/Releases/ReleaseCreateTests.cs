using System.Security.Cryptography;
using System.Text.Json;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Metadata;
using Outpost.Trust.Tuf.Verification;

namespace Outpost.Cli.Tests.Releases;

public sealed class ReleaseCreateTests
{
    [Fact]
    public async Task Create_FirstRelease_SignsArtifactsAndManifestWithTargetsKeys()
    {
        await using var repo = await TufTestRepo.StartAsync();
        await repo.InitAsync();
        var app = repo.WriteFile("app.tar", RandomNumberGenerator.GetBytes(300_000));
        var model = repo.WriteFile("detector.onnx", RandomNumberGenerator.GetBytes(1234));
        var workload = repo.WriteFile("workload.json", """{"image":"registry.local/cam:1.0","ports":[8080],"env":{"MODE":"edge"}}""");

        var result = await repo.Cli.RunAsync("release", "create", "--dir", repo.Dir, "--name", "cam", "--version", "1.0.0",
            "--device-class", "rpi4", "--artifact", "app=" + app, "--artifact", "model=" + model, "--workload", workload, "--expires", "30d");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var bytes = File.ReadAllBytes(repo.StagedFile("cam", "1.0.0", "targets.json"));
        var targets = MetadataParser.Parse<TargetsMetadata>(bytes);
        var root = repo.LocalRoot().Signed;
        SignatureThreshold.Require(targets.Envelope, root.Role(TufRoles.Targets), root.Keys, TufRoles.Targets);
        Assert.Equal(1, targets.Signed.Version);
        Assert.Equal(StubData.Now.AddDays(30), targets.Signed.Expires);
        string[] paths = ["releases/cam/1.0.0/app.tar", "releases/cam/1.0.0/detector.onnx", "releases/cam/1.0.0/release.json"];
        Assert.Equal(paths, targets.Signed.Targets.Keys.Order(StringComparer.Ordinal));
        var appTarget = targets.Signed.Targets["releases/cam/1.0.0/app.tar"];
        Assert.Equal(300_000, appTarget.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(app))), appTarget.Hashes["sha256"]);
        Assert.Equal("""{"release":"cam","version":"1.0.0","deviceClass":"rpi4","kind":"app"}""", appTarget.Custom!.Value.GetRawText());
        Assert.Equal("model", targets.Signed.Targets["releases/cam/1.0.0/detector.onnx"].Custom!.Value.GetProperty("kind").GetString());

        var manifestBytes = File.ReadAllBytes(repo.StagedFile("cam", "1.0.0", "release.json"));
        var manifestTarget = targets.Signed.Targets["releases/cam/1.0.0/release.json"];
        TargetVerifier.Verify("release.json", manifestTarget, manifestBytes);
        Assert.Equal("manifest", manifestTarget.Custom!.Value.GetProperty("kind").GetString());
        using var manifest = JsonDocument.Parse(manifestBytes);
        Assert.Equal("cam", manifest.RootElement.GetProperty("name").GetString());
        Assert.Equal("rpi4", manifest.RootElement.GetProperty("deviceClass").GetString());
        Assert.Equal("edge", manifest.RootElement.GetProperty("workload").GetProperty("env").GetProperty("MODE").GetString());
        var artifact = manifest.RootElement.GetProperty("artifacts")[0];
        Assert.Equal("app.tar", artifact.GetProperty("name").GetString());
        Assert.Equal("releases/cam/1.0.0/app.tar", artifact.GetProperty("path").GetString());
        Assert.Equal(appTarget.Hashes["sha256"], artifact.GetProperty("sha256").GetString());
        Assert.Empty(repo.Server.Writes);
    }

    [Fact]
    public async Task Create_AfterPush_AddsToTheServersVerifiedTargetsWithVersionPlusOne()
    {
        await using var repo = await TufTestRepo.StartAsync();
        await repo.InitAsync();
        var first = repo.WriteFile("a.bin", "first");
        Assert.Equal(0, (await repo.CreateAsync("cam", "1.0", first)).ExitCode);
        Assert.Equal(0, (await repo.PushAsync("cam@1.0")).ExitCode);
        var second = repo.WriteFile("b.bin", "second");

        var result = await repo.CreateAsync("cam", "1.1", "config=" + second);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var targets = MetadataParser.Parse<TargetsMetadata>(File.ReadAllBytes(repo.StagedFile("cam", "1.1", "targets.json"))).Signed;
        Assert.Equal(2, targets.Version);
        var previous = MetadataParser.Parse<TargetsMetadata>(repo.Server.Targets[1]).Signed;
        Assert.All(previous.Targets, t => Assert.Equal(t.Value.Hashes, targets.Targets[t.Key].Hashes));
        Assert.Contains("releases/cam/1.1/b.bin", targets.Targets.Keys);
        Assert.Equal(4, targets.Targets.Count);
    }

    [Fact]
    public async Task Create_ExistingNameAndVersion_Refused()
    {
        await using var repo = await TufTestRepo.StartAsync();
        await repo.InitAsync();
        var file = repo.WriteFile("a.bin", "first");
        Assert.Equal(0, (await repo.CreateAsync("cam", "1.0", file)).ExitCode);
        Assert.Equal(0, (await repo.PushAsync("cam@1.0")).ExitCode);
        var other = repo.WriteFile("other.bin", "different bytes");

        var result = await repo.CreateAsync("cam", "1.0", other);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("cam@1.0 already exists", result.SingleErrorLine(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_OfflineWithBaseTargets_BuildsOnThatFileWithoutTheServer()
    {
        await using var repo = await TufTestRepo.StartAsync();
        await repo.InitAsync();
        Assert.Equal(0, (await repo.CreateAsync("cam", "1.0", repo.WriteFile("a.bin", "a"))).ExitCode);
        repo.Cli.Environment["OUTPOST_CONFIG"] = Path.Combine(repo.Cli.Directory, "nowhere.json");

        var result = await repo.Cli.RunAsync("release", "create", "--dir", repo.Dir, "--name", "cam", "--version", "2.0",
            "--device-class", "rpi4", "--artifact", repo.WriteFile("b.bin", "b"), "--base-targets", repo.StagedFile("cam", "1.0", "targets.json"));

        Assert.True(result.ExitCode == 0, result.Stderr);
        var targets = MetadataParser.Parse<TargetsMetadata>(File.ReadAllBytes(repo.StagedFile("cam", "2.0", "targets.json"))).Signed;
        Assert.Equal(2, targets.Version);
        Assert.Contains("releases/cam/1.0/a.bin", targets.Targets.Keys);
    }

    [Theory]
    [InlineData("missing-file", "--artifact: file not found")]
    [InlineData("bad-name", "--name")]
    [InlineData("bad-version", "--version")]
    [InlineData("bad-kind", "--artifact: unknown kind 'exe'")]
    [InlineData("bad-device-class", "--device-class")]
    [InlineData("no-keys", "--dir: no keys folder")]
    [InlineData("bad-workload", "--workload")]
    public async Task Create_BadInput_OneLineErrorNamingTheField(string scenario, string expected)
    {
        await using var repo = await TufTestRepo.StartAsync();
        var file = repo.WriteFile("a.bin", "a");
        var dir = repo.Dir;
        string[] fields = ["--name", "cam", "--version", "1.0", "--device-class", "rpi4", "--artifact", file];
        switch (scenario)
        {
            case "missing-file": fields[7] = Path.Combine(repo.Cli.Directory, "absent.bin"); break;
            case "bad-name": fields[1] = "Cam Server"; break;
            case "bad-version": fields[3] = "1/0"; break;
            case "bad-kind": fields[7] = "exe=" + file; break;
            case "bad-device-class": fields[5] = "-"; break;
            case "no-keys": dir = Directory.CreateDirectory(Path.Combine(repo.Cli.Directory, "empty")).FullName; break;
            case "bad-workload": fields = [.. fields, "--workload", repo.WriteFile("w.json", "[1,2]")]; break;
        }

        if (scenario != "no-keys")
        {
            await repo.InitAsync();
        }

        var result = await repo.Cli.RunAsync(["release", "create", "--dir", dir, .. fields]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(expected, result.SingleErrorLine(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir, "staged")));
    }

    [Fact]
    public async Task Create_EncryptedKeysWithWrongPassphrase_OneLineError()
    {
        await using var repo = await TufTestRepo.StartAsync();
        var right = repo.WriteFile("right.txt", "right");
        var init = await repo.Cli.RunAsync("keys", "init", "--dir", repo.Dir, "--root-keys", "1", "--root-threshold", "1", "--passphrase-file", right);
        Assert.True(init.ExitCode == 0, init.Stderr);

        var result = await repo.Cli.RunAsync("release", "create", "--dir", repo.Dir, "--name", "cam", "--version", "1.0",
            "--device-class", "rpi4", "--artifact", repo.WriteFile("a.bin", "a"), "--passphrase-file", repo.WriteFile("wrong.txt", "wrong"));

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("wrong passphrase", result.SingleErrorLine(), StringComparison.Ordinal);
    }
}
