using System.Net;
using Outpost.Protocol.Releases;
using Outpost.Server.Tests.Harness;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Client;
using Outpost.Trust.Tuf.Keys;
using Outpost.Trust.Tuf.Verification;

namespace Outpost.Server.Tests.Repository;

/// <summary>Root upload and rotation (TUF 5.3.4/5.3.5 enforced by the server before it publishes a root).</summary>
public sealed class RootUploadTests
{
    private static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string reason)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(reason, (await response.ReadProblemAsync()).Detail, StringComparison.Ordinal);
    }

    private static List<TufSigningKey> NewKeys() => [.. Enumerable.Range(0, 3).Select(_ => TufSigningKey.Generate(TufSchemes.Ed25519))];

    [Fact]
    public async Task UploadRoot_First_PublishedAsRootJsonAndOneRootJson()
    {
        await using var repo = await RepositoryHarness.StartAsync();

        Assert.Equal(repo.Root1, await repo.GetMetadataAsync("root.json"));
        Assert.Equal(repo.Root1, await repo.GetMetadataAsync("1.root.json"));
        using var timestamp = await repo.Admin.GetAsync(TufApiRoutes.MetadataBase + "timestamp.json", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, timestamp.StatusCode);
    }

    [Fact]
    public async Task UploadRoot_FirstNotVersionOne_Refused409()
    {
        await using var repo = await RepositoryHarness.StartAsync(uploadRoot: false);
        using var response = await repo.PostAsync(TufApiRoutes.Root, repo.Keys.Root(2, repo.In(TimeSpan.FromDays(365))));
        await AssertRefusedAsync(response, HttpStatusCode.Conflict, "the first root must be version 1");
    }

    [Fact]
    public async Task UploadRoot_FirstBelowOwnThreshold_Refused422()
    {
        await using var repo = await RepositoryHarness.StartAsync(uploadRoot: false);
        var root = MetadataSigner.Sign(repo.Keys.RootMetadata(1, repo.Keys.RootKeys, 2, repo.In(TimeSpan.FromDays(365))), repo.Keys.RootKeys.Take(1));
        using var response = await repo.PostAsync(TufApiRoutes.Root, root);
        await AssertRefusedAsync(response, HttpStatusCode.UnprocessableEntity, "not signed by a threshold (2) of its own root keys");
    }

    [Fact]
    public async Task UploadRoot_OtherSnapshotKeyThanTheServers_Refused422()
    {
        await using var repo = await RepositoryHarness.StartAsync(uploadRoot: false);
        using var foreign = TufSigningKey.Generate(TufSchemes.Ed25519);
        var metadata = repo.Keys.RootMetadata(1, repo.Keys.RootKeys, 2, repo.In(TimeSpan.FromDays(365)), foreign.PublicKey);
        using var response = await repo.PostAsync(TufApiRoutes.Root, MetadataSigner.Sign(metadata, repo.Keys.RootKeys));
        await AssertRefusedAsync(response, HttpStatusCode.UnprocessableEntity, "role 'snapshot' must list exactly the server's online snapshot key");
    }

    [Fact]
    public async Task RotateRoot_SignedOnlyByNewKeys_Refused422()
    {
        await using var repo = await RepositoryHarness.StartAsync();
        var newKeys = NewKeys();
        var root2 = MetadataSigner.Sign(repo.Keys.RootMetadata(2, newKeys, 2, repo.In(TimeSpan.FromDays(365))), newKeys);
        using var response = await repo.PostAsync(TufApiRoutes.Root, root2);
        await AssertRefusedAsync(response, HttpStatusCode.UnprocessableEntity, "not signed by a threshold (2) of the root keys of the current root version 1");
        newKeys.ForEach(k => k.Dispose());
    }

    [Fact]
    public async Task RotateRoot_SignedOnlyByOldKeys_Refused422()
    {
        await using var repo = await RepositoryHarness.StartAsync();
        var newKeys = NewKeys();
        var root2 = MetadataSigner.Sign(repo.Keys.RootMetadata(2, newKeys, 2, repo.In(TimeSpan.FromDays(365))), repo.Keys.RootKeys);
        using var response = await repo.PostAsync(TufApiRoutes.Root, root2);
        await AssertRefusedAsync(response, HttpStatusCode.UnprocessableEntity, "not signed by a threshold (2) of its own root keys");
        newKeys.ForEach(k => k.Dispose());
    }

    [Fact]
    public async Task RotateRoot_SkippingAVersion_Refused409()
    {
        await using var repo = await RepositoryHarness.StartAsync();
        var newKeys = NewKeys();
        var root3 = MetadataSigner.Sign(repo.Keys.RootMetadata(3, newKeys, 2, repo.In(TimeSpan.FromDays(365))), [.. repo.Keys.RootKeys, .. newKeys]);
        using var response = await repo.PostAsync(TufApiRoutes.Root, root3);
        await AssertRefusedAsync(response, HttpStatusCode.Conflict, "root version 3 skips a version: expected version 2");
        using var reused = await repo.PostAsync(TufApiRoutes.Root, repo.Root1);
        await AssertRefusedAsync(reused, HttpStatusCode.Conflict, "root version 1 reuses the current version");
        newKeys.ForEach(k => k.Dispose());
    }

    [Fact]
    public async Task RotateRoot_OldAndNewThreshold_AcceptedAndVerifiesAsNextLinkOfTheChain()
    {
        await using var repo = await RepositoryHarness.StartAsync();
        var newKeys = NewKeys();
        var unsigned = MetadataSigner.Sign(repo.Keys.RootMetadata(2, newKeys, 2, repo.In(TimeSpan.FromDays(365))), newKeys.Take(2));
        // Old and new keys sign on separate machines: the second set is added to the same file.
        var root2 = MetadataSigner.AddSignatures(unsigned, repo.Keys.RootKeys.Skip(1), TufRoles.Root);

        using var response = await repo.PostAsync(TufApiRoutes.Root, root2);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(root2, await repo.GetMetadataAsync("root.json"));
        Assert.Equal(root2, await repo.GetMetadataAsync("2.root.json"));
        var client = new TrustedMetadataSet(repo.Root1, repo.Time.GetUtcNow());
        Assert.Equal(2, client.UpdateRoot(await repo.GetMetadataAsync("2.root.json")).Signed.Version);
        newKeys.ForEach(k => k.Dispose());
    }

    [Fact]
    public async Task UploadRoot_UnknownToken_Refused401()
    {
        await using var repo = await RepositoryHarness.StartAsync(uploadRoot: false);
        using var content = new ByteArrayContent(repo.Root1);
        using var anonymous = repo.Server.AdminClient("not-a-token");
        using var response = await anonymous.PostAsync(TufApiRoutes.Root, content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task UploadRoot_Expired_Refused422()
    {
        await using var repo = await RepositoryHarness.StartAsync(uploadRoot: false);
        using var response = await repo.PostAsync(TufApiRoutes.Root, repo.Keys.Root(1, repo.In(TimeSpan.FromMinutes(-1))));
        await AssertRefusedAsync(response, HttpStatusCode.UnprocessableEntity, "root version 1 expired at");
    }

    [Fact]
    public async Task UploadRoot_AboveMaxMetadataBytes_Refused413()
    {
        await using var repo = await RepositoryHarness.StartAsync(new Dictionary<string, string?> { ["Outpost:Tuf:MaxMetadataBytes"] = "1024" }, uploadRoot: false);
        Assert.True(repo.Root1.Length > 1024);
        using var response = await repo.PostAsync(TufApiRoutes.Root, repo.Root1);
        await AssertRefusedAsync(response, HttpStatusCode.RequestEntityTooLarge, "Outpost:Tuf:MaxMetadataBytes");
    }
}
