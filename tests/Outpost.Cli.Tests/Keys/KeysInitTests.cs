using Outpost.Cli.Keys;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Client;
using Outpost.Trust.Tuf.Keys;
using Outpost.Trust.Tuf.Verification;

namespace Outpost.Cli.Tests.Keys;

public sealed class KeysInitTests
{
    [Fact]
    public async Task Init_Defaults_WritesPrivateKeyFilesAndUploadsSelfSignedRootListingOnlineKeys()
    {
        await using var repo = await TufTestRepo.StartAsync();

        var result = await repo.Cli.RunAsync("keys", "init", "--dir", repo.Dir);

        Assert.True(result.ExitCode == 0, result.Stderr);
        string[] expected = ["root-1.key", "root-2.key", "root-3.key", "targets-1.key"];
        Assert.Equal(expected, Directory.GetFiles(repo.KeysDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in Directory.GetFiles(repo.KeysDir))
        {
            TufTestRepo.AssertPrivate(file);
            Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(file), StringComparison.Ordinal);
        }

        var bytes = File.ReadAllBytes(Path.Combine(repo.Dir, "root.json"));
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(repo.Dir, "1.root.json")));
        var trusted = new TrustedMetadataSet(bytes, StubData.Now).Root;
        var root = trusted.Signed;
        Assert.Equal(1, root.Version);
        Assert.True(root.ConsistentSnapshot);
        Assert.Equal(2, root.Role(TufRoles.Root).Threshold);
        Assert.Equal(3, SignatureThreshold.CountValid(trusted.Envelope, root.Role(TufRoles.Root), root.Keys));
        Assert.Equal([repo.Server.SnapshotKey.KeyId], root.Role(TufRoles.Snapshot).KeyIds);
        Assert.Equal([repo.Server.TimestampKey.KeyId], root.Role(TufRoles.Timestamp).KeyIds);
        Assert.Equal(StubData.Now.AddDays(365), root.Expires);
        var targetsKey = KeyFile.Read(Path.Combine(repo.KeysDir, "targets-1.key"), passphrase: null);
        Assert.Equal([targetsKey.KeyId], root.Role(TufRoles.Targets).KeyIds);
        Assert.Equal(TufSchemes.Ed25519, targetsKey.Scheme);
        Assert.Equal(bytes, Assert.Single(repo.Server.Roots));
    }

    [Fact]
    public async Task Init_EcdsaScheme_RootKeysAreEcdsa()
    {
        await using var repo = await TufTestRepo.StartAsync();

        await repo.InitAsync("--scheme", "ecdsa-sha2-nistp256");

        var root = repo.LocalRoot().Signed;
        Assert.All(root.Role(TufRoles.Root).KeyIds, id => Assert.Equal(TufSchemes.EcdsaP256, root.Keys[id].Scheme));
        Assert.Single(repo.Server.Roots);
    }

    [Fact]
    public async Task Init_WithPassphrase_WritesEncryptedKeysThatOnlyThatPassphraseOpens()
    {
        await using var repo = await TufTestRepo.StartAsync();
        var passphrase = repo.WriteFile("pass.txt", "correct horse\n");

        var result = await repo.Cli.RunAsync("keys", "init", "--dir", repo.Dir, "--root-keys", "1", "--root-threshold", "1", "--passphrase-file", passphrase);

        Assert.True(result.ExitCode == 0, result.Stderr);

        var file = Path.Combine(repo.KeysDir, "root-1.key");
        Assert.StartsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----", File.ReadAllText(file), StringComparison.Ordinal);
        TufTestRepo.AssertPrivate(file);
        using var key = KeyFile.Read(file, "correct horse");
        Assert.Equal(repo.LocalRoot().Signed.Role(TufRoles.Root).KeyIds, [key.KeyId]);
        var wrong = Assert.Throws<CliException>(() => KeyFile.Read(file, "wrong horse"));
        Assert.Contains("wrong passphrase", wrong.Message, StringComparison.Ordinal);
        var missing = Assert.Throws<CliException>(() => KeyFile.Read(file, null));
        Assert.Contains("--passphrase-file", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_ThresholdAboveKeyCount_RefusedNamingTheOptionBeforeWritingAnything()
    {
        await using var repo = await TufTestRepo.StartAsync();

        var result = await repo.Cli.RunAsync("keys", "init", "--dir", repo.Dir, "--root-keys", "2", "--root-threshold", "3");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--root-threshold", result.SingleErrorLine(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(repo.Dir));
        Assert.Empty(repo.Server.Roots);
    }

    [Fact]
    public async Task Init_RepositoryAlreadyInitialized_Refused()
    {
        await using var repo = await TufTestRepo.StartAsync();
        await repo.InitAsync();
        var before = File.ReadAllBytes(Path.Combine(repo.Dir, "root.json"));

        var result = await repo.Cli.RunAsync("keys", "init", "--dir", repo.Dir);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("--dir", result.SingleErrorLine(), StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(repo.Dir, "root.json")));
    }

    [Fact]
    public async Task Init_UploadRefused_ReasonSurfacesAndRerunUploadsTheSameRoot()
    {
        await using var repo = await TufTestRepo.StartAsync();
        repo.Server.RefuseRoots = "storage is read-only";

        var refused = await repo.Cli.RunAsync("keys", "init", "--dir", repo.Dir, "--root-keys", "1", "--root-threshold", "1");

        Assert.Equal(ExitCodes.Failure, refused.ExitCode);
        Assert.Contains("server refused the root: storage is read-only; root.json v1 is in", refused.SingleErrorLine(), StringComparison.Ordinal);
        var written = File.ReadAllBytes(Path.Combine(repo.Dir, "root.json"));
        repo.Server.RefuseRoots = null;

        var retry = await repo.Cli.RunAsync("keys", "init", "--dir", repo.Dir);

        Assert.True(retry.ExitCode == 0, retry.Stderr);
        Assert.Contains("Uploaded the existing root.json v1", retry.Stdout, StringComparison.Ordinal);
        Assert.Equal(written, Assert.Single(repo.Server.Roots));
        Assert.Single(Directory.GetFiles(repo.KeysDir, "root-*.key"));
    }
}
