using System.Security.Cryptography;
using System.Text;
using Outpost.Agent.Tests.Updates.Tuf;
using Outpost.Agent.Updates.Releases;
using Outpost.Protocol.Devices;

namespace Outpost.Agent.Tests.Updates.Releases;

/// <summary>Full verification of a release against a served TUF repository (the agent-tuf test server).</summary>
public sealed class ReleaseStagerTests : IDisposable
{
    private const string Prefix = "releases/cam/2.0.0/";
    private static readonly byte[] Model = "the model weights"u8.ToArray();
    private static readonly byte[] Config = "{\"threshold\":0.8}"u8.ToArray();
    private readonly TempDirectory _staging = new();
    private readonly List<(UpdateState, int?)> _progress = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Staged => _staging.File("cam@2.0.0");

    public void Dispose() => _staging.Dispose();

    /// <summary>A repository whose targets list cam@2.0.0: two artifacts and the manifest naming them.</summary>
    private static TufTestRepository WithRelease(Func<string, byte[], (long, string)>? manifestClaim = null, bool signArtifacts = true)
    {
        var repository = new TufTestRepository();
        var manifest = new StringBuilder("{\"name\":\"cam\",\"version\":\"2.0.0\",\"deviceClass\":\"rpi4\",\"artifacts\":[");
        var first = true;
        foreach (var (name, bytes) in new[] { ("model.bin", Model), ("config.json", Config) })
        {
            var (length, sha) = manifestClaim?.Invoke(name, bytes) ?? (bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            manifest.Append(first ? "" : ",").Append($"{{\"name\":\"{name}\",\"kind\":\"file\",\"path\":\"{Prefix}{name}\",\"length\":{length},\"sha256\":\"{sha}\"}}");
            first = false;
            if (signArtifacts)
            {
                repository.Artifacts[Prefix + name] = bytes;
            }
        }

        repository.Artifacts[Prefix + "release.json"] = Encoding.UTF8.GetBytes(manifest.Append("],\"workload\":{}}").ToString());
        repository.Publish();
        return repository;
    }

    private Task<string> StageAsync(TufClientFixture client, string release = "cam@2.0.0", long freeBytes = long.MaxValue) =>
        new ReleaseStager(_staging.Path, () => freeBytes).StageAsync(client.Updater(), release, (s, p) => _progress.Add((s, p)), Ct);

    private async Task<string> RefusedAsync(TufClientFixture client, string release = "cam@2.0.0", long freeBytes = long.MaxValue)
    {
        var refusal = await Assert.ThrowsAsync<ReleaseRefusedException>(() => StageAsync(client, release, freeBytes));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_staging.Path));
        return refusal.Message;
    }

    [Fact]
    public async Task StageAsync_SignedRelease_StagesTheVerifiedFiles()
    {
        await using var client = await TufClientFixture.StartAsync(WithRelease());

        var staged = await StageAsync(client);

        Assert.Equal(Staged, staged);
        Assert.Equal(Model, await File.ReadAllBytesAsync(Path.Combine(staged, "model.bin"), Ct));
        Assert.Equal(Config, await File.ReadAllBytesAsync(Path.Combine(staged, "config.json"), Ct));
        Assert.Contains((UpdateState.Downloading, 0), _progress);
        Assert.Equal(UpdateState.Verifying, _progress[^1].Item1);
        Assert.Equal(["cam@2.0.0"], Directory.EnumerateFileSystemEntries(_staging.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task StageAsync_ReleaseNotInTargets_RefusedNamingItNothingStaged()
    {
        await using var client = await TufClientFixture.StartAsync(WithRelease());

        var reason = await RefusedAsync(client, "cam@9.9.9");

        Assert.Equal("release cam@9.9.9 is not in the verified targets metadata", reason);
    }

    [Fact]
    public async Task StageAsync_MirrorSwapsArtifactBytes_RefusedNamingTheFile()
    {
        var repository = WithRelease();
        await using var client = await TufClientFixture.StartAsync(repository);
        // Same length, other bytes, served under the signed hash name: only the hash check can catch it.
        var swapped = "THE MODEL WEIGHTS"u8.ToArray();
        repository.TargetFiles[repository.TargetUrlPath(Prefix + "model.bin", Model)] = swapped;

        var reason = await RefusedAsync(client);

        Assert.Contains("model.bin", reason, StringComparison.Ordinal);
        Assert.Contains("sha256", reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task StageAsync_ManifestListsUnsignedArtifact_Refused()
    {
        await using var client = await TufClientFixture.StartAsync(WithRelease(signArtifacts: false));

        var reason = await RefusedAsync(client);

        Assert.Equal($"{Prefix}model.bin is listed by release.json but is not in the verified targets metadata", reason);
    }

    [Fact]
    public async Task StageAsync_ManifestClaimsOtherHashThanTargets_Refused()
    {
        await using var client = await TufClientFixture.StartAsync(
            WithRelease((name, bytes) => (bytes.Length, name == "config.json" ? new string('0', 64) : Convert.ToHexStringLower(SHA256.HashData(bytes)))));

        var reason = await RefusedAsync(client);

        Assert.Equal("config.json: release.json and the signed targets disagree on its length or sha256", reason);
    }

    [Fact]
    public async Task StageAsync_NotEnoughDisk_RefusedBeforeAnyArtifactDownload()
    {
        var repository = WithRelease();
        await using var client = await TufClientFixture.StartAsync(repository);

        var refusal = await Assert.ThrowsAsync<ReleaseRefusedException>(() => StageAsync(client, freeBytes: ReleaseStager.DefaultDiskReserveBytes));

        Assert.StartsWith("not enough disk", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(UpdateFailureCause.NotEnoughDisk, refusal.Cause);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_staging.Path));
        Assert.Equal(0, client.Server.CountOf("/targets/" + repository.TargetUrlPath(Prefix + "model.bin", Model)));
        Assert.Equal(0, client.Server.CountOf("/targets/" + repository.TargetUrlPath(Prefix + "config.json", Config)));
    }

    [Fact]
    public async Task StageAsync_PartialAlreadyDownloaded_CountsTowardsTheDiskPreflight()
    {
        await using var client = await TufClientFixture.StartAsync(WithRelease());
        using var partials = new TempDirectory();
        Directory.CreateDirectory(partials.Path);
        await File.WriteAllBytesAsync(
            Path.Combine(partials.Path, Convert.ToHexStringLower(SHA256.HashData(Model)) + ".part"), Model[..10], Ct);
        var stager = new ReleaseStager(_staging.Path, () => ReleaseStager.DefaultDiskReserveBytes + Model.Length - 10 + Config.Length);
        var updater = client.Updater(o => new Outpost.Agent.Updates.Tuf.TufClientOptions
        {
            MetadataDirectory = o.MetadataDirectory,
            MetadataUrl = o.MetadataUrl,
            TargetBaseUrl = o.TargetBaseUrl,
            TargetDirectory = o.TargetDirectory,
            PartialDirectory = partials.Path,
        });

        var staged = await stager.StageAsync(updater, "cam@2.0.0", (_, _) => { }, Ct);

        Assert.Equal(Model, await File.ReadAllBytesAsync(Path.Combine(staged, "model.bin"), Ct));
        // Exactly the free space the rest needs, and the model resumed from its partial rather than fetched again.
        Assert.Single(client.Server.RangeHeaders, r => r.Range == "bytes=10-");
    }
}
