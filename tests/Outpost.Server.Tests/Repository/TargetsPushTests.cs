using System.Net;
using System.Text.Json.Nodes;
using Outpost.Protocol.Releases;
using Outpost.Server.Tests.Harness;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Keys;
using Outpost.Trust.Tuf.Metadata;
using Outpost.Trust.Tuf.Verification;

namespace Outpost.Server.Tests.Repository;

/// <summary>Server-side attacks of issue 3: each push below is refused with a reason naming the check.</summary>
public sealed class TargetsPushTests
{
    private static readonly Dictionary<string, byte[]> App = new() { ["releases/app/1.0.0/app.bin"] = [1, 2, 3, 4] };

    private static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string reason)
    {
        Assert.Equal(status, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.Contains(reason, problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PushTargets_BadSignature_Refused422()
    {
        await using var repo = await RepositoryHarness.StartAsync();
        var targets = await repo.UploadAsync(App);
        var signed = JsonNode.Parse(repo.Keys.Targets(1, repo.In(TimeSpan.FromDays(90)), targets))!;
        // The signature covers other content than what is sent: a tampered "signed" object.
        signed["signed"]!["expires"] = JsonFields(repo.In(TimeSpan.FromDays(900)));
        using var response = await repo.PostAsync(TufApiRoutes.Targets, System.Text.Encoding.UTF8.GetBytes(signed.ToJsonString()));
        await AssertRefusedAsync(response, HttpStatusCode.UnprocessableEntity, "do not verify (bad signature)");
        Assert.True(repo.Server.Logged("TufMetadataRefused", "bad signature"));
    }

    [Fact]
    public async Task PushTargets_UnknownKey_Refused422()
    {
        await using var repo = await RepositoryHarness.StartAsync();
        using var stranger = TufSigningKey.Generate(TufSchemes.Ed25519);
        var targets = await repo.UploadAsync(App);
        using var response = await repo.PostAsync(TufApiRoutes.Targets, repo.Keys.Targets(1, repo.In(TimeSpan.FromDays(90)), targets, [stranger]));
        await AssertRefusedAsync(response, HttpStatusCode.UnprocessableEntity, "unknown key(s) that are not targets keys of the current root: " + stranger.KeyId);
    }

    [Fact]
    public async Task PushTargets_BelowThreshold_Refused422()
    {
        await using var repo = await RepositoryHarness.StartAsync(targetsKeys: 2);
        var targets = await repo.UploadAsync(App);
        // The same key twice is still one key (TUF 4.2 threshold counts distinct keys).
        var once = repo.Keys.Targets(1, repo.In(TimeSpan.FromDays(90)), targets, [repo.Keys.TargetsKeys[0]]);
        using var response = await repo.PostAsync(TufApiRoutes.Targets, MetadataSigner.AddSignatures(once, [repo.Keys.TargetsKeys[0]], TufRoles.Targets));
        await AssertRefusedAsync(response, HttpStatusCode.UnprocessableEntity, "1 valid signature(s) from targets keys, threshold 2");
        using var both = await repo.PostAsync(TufApiRoutes.Targets, repo.Keys.Targets(1, repo.In(TimeSpan.FromDays(90)), targets));
        Assert.Equal(HttpStatusCode.Created, both.StatusCode);
    }

    [Fact]
    public async Task PushTargets_ReusedVersion_Refused409()
    {
        await using var repo = await RepositoryHarness.StartAsync();
        using (var first = await repo.PublishAsync(1, App))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        using var again = await repo.PublishAsync(1, new Dictionary<string, byte[]> { ["releases/app/1.0.1/app.bin"] = [5, 6] });
        await AssertRefusedAsync(again, HttpStatusCode.Conflict, "targets version 1 reuses a version: the current targets version is 1");
    }

    [Fact]
    public async Task PushTargets_LoweredVersion_Refused409()
    {
        await using var repo = await RepositoryHarness.StartAsync();
        using (var first = await repo.PublishAsync(2, App))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        using var lower = await repo.PublishAsync(1, new Dictionary<string, byte[]> { ["releases/app/1.0.1/app.bin"] = [5, 6] });
        await AssertRefusedAsync(lower, HttpStatusCode.Conflict, "targets version 1 lowers it: the current targets version is 2");
    }

    [Fact]
    public async Task PushTargets_Expired_Refused422()
    {
        await using var repo = await RepositoryHarness.StartAsync();
        var targets = await repo.UploadAsync(App);
        using var response = await repo.PostAsync(TufApiRoutes.Targets, repo.Keys.Targets(1, repo.In(TimeSpan.FromHours(-1)), targets));
        await AssertRefusedAsync(response, HttpStatusCode.UnprocessableEntity, "targets version 1 is expired");
    }

    [Fact]
    public async Task PushTargets_TargetWithoutBlob_Refused422()
    {
        await using var repo = await RepositoryHarness.StartAsync();
        var missing = new Dictionary<string, TargetFile> { ["releases/app/1.0.0/app.bin"] = OperatorKeys.Target([9, 9, 9]) };
        using var response = await repo.PostAsync(TufApiRoutes.Targets, repo.Keys.Targets(1, repo.In(TimeSpan.FromDays(90)), missing));
        await AssertRefusedAsync(response, HttpStatusCode.UnprocessableEntity, "target 'releases/app/1.0.0/app.bin' has no uploaded blob with sha256");
    }

    [Fact]
    public async Task PushTargets_LengthDiffersFromBlob_Refused422()
    {
        await using var repo = await RepositoryHarness.StartAsync();
        var targets = await repo.UploadAsync(App);
        var file = targets["releases/app/1.0.0/app.bin"];
        targets["releases/app/1.0.0/app.bin"] = file with { Length = file.Length + 1 };
        using var response = await repo.PostAsync(TufApiRoutes.Targets, repo.Keys.Targets(1, repo.In(TimeSpan.FromDays(90)), targets));
        await AssertRefusedAsync(response, HttpStatusCode.UnprocessableEntity, "and length 5");
    }

    [Fact]
    public async Task PushTargets_ExistingReleasePathWithOtherBytes_Refused409()
    {
        await using var repo = await RepositoryHarness.StartAsync();
        using (var first = await repo.PublishAsync(1, App))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        using var changed = await repo.PublishAsync(2, new Dictionary<string, byte[]> { ["releases/app/1.0.0/app.bin"] = [7, 7, 7, 7] });
        await AssertRefusedAsync(changed, HttpStatusCode.Conflict, "target 'releases/app/1.0.0/app.bin' already exists with different bytes");
        using var added = await repo.PublishAsync(2, new Dictionary<string, byte[]> { ["releases/app/1.0.0/extra.bin"] = [8] });
        await AssertRefusedAsync(added, HttpStatusCode.Conflict, "adds a file to the existing release 'releases/app/1.0.0/'");
    }

    [Fact]
    public async Task PushTargets_NoRootYet_Refused409()
    {
        await using var repo = await RepositoryHarness.StartAsync(uploadRoot: false);
        using var response = await repo.PublishAsync(1, App);
        await AssertRefusedAsync(response, HttpStatusCode.Conflict, "no root metadata has been uploaded yet");
    }

    [Fact]
    public async Task PushTargets_NotJson_Refused400()
    {
        await using var repo = await RepositoryHarness.StartAsync();
        using var response = await repo.PostAsync(TufApiRoutes.Targets, "{\"signed\": 1"u8.ToArray());
        await AssertRefusedAsync(response, HttpStatusCode.BadRequest, "not valid targets metadata");
    }

    [Fact]
    public async Task PushTargets_NoToken_Refused401()
    {
        await using var repo = await RepositoryHarness.StartAsync();
        using var anonymous = repo.Server.AdminClient(null);
        using var content = new ByteArrayContent([]);
        using var response = await anonymous.PostAsync(TufApiRoutes.Targets, content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static string JsonFields(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
