using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Outpost.Protocol.Admin;
using Outpost.Protocol.Releases;
using Outpost.Protocol.Rollouts;
using Outpost.Server.Rollouts;
using Outpost.Server.Storage;
using Outpost.Server.Tests.Repository;
using Outpost.Trust.Tuf.Metadata;

namespace Outpost.Server.Tests.Dashboard;

/// <summary>The releases pages through the real server: a release signed and pushed as the CLI does, devices and a rollout in the stores.</summary>
public sealed class ReleasePagesTests
{
    private static readonly byte[] AppV1 = Encoding.UTF8.GetBytes(new string('a', 3000));
    private static readonly byte[] ModelV1 = RepositoryHarness.RandomBytes(5000);
    private static readonly byte[] AppV2 = Encoding.UTF8.GetBytes(new string('b', 4096));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReleasesList_NewestFirst_WithSizesArtifactCountsAndDeviceCounts()
    {
        await using var repo = await RepositoryHarness.StartAsync();
        await PublishTwoReleasesAsync(repo);
        await SeedDevicesAsync(repo);
        using var viewer = await PageSession.LoginAsync(repo.Server, await PageSession.CreateTokenAsync(repo.Server, AdminRole.Viewer));

        var (status, html, _) = await viewer.GetAsync("/dashboard/releases");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"releases-table\"", html, StringComparison.Ordinal);
        var v2 = Row(html, "app@2.0.0");
        var v1 = Row(html, "app@1.0.0");
        Assert.True(html.IndexOf("data-release=\"app@2.0.0\"", StringComparison.Ordinal) < html.IndexOf("data-release=\"app@1.0.0\"", StringComparison.Ordinal),
            "the release published in targets v2 comes first");
        Assert.Contains("href=\"/dashboard/releases/app/1.0.0\"", v1, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"artifact-count\">2<", v1);
        Assert.Matches("data-testid=\"total-size\">7.8 KiB<", v1); // 3000 + 5000 bytes; the manifest is not an artifact
        Assert.Matches("data-testid=\"artifact-count\">1<", v2);
        Assert.Matches("data-testid=\"total-size\">4 KiB<", v2);
        // Three live devices run v1 (the revoked one is not counted), two of them are told to install v2.
        Assert.Matches("data-testid=\"running\">\\s*<a href=\"/dashboard/devices\\?release=app%401.0.0\">3</a>", v1);
        Assert.Matches("data-testid=\"desired\">2<", v2);
        Assert.Matches("data-testid=\"running\">\\s*0\\s*<", v2);
        Assert.Contains("targets v1", v1, StringComparison.Ordinal);
        Assert.Contains("targets v2", v2, StringComparison.Ordinal);
        Assert.Contains("Signed targets metadata version <strong>2</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReleasePage_ShowsHashesSigningKeysWorkloadDevicesAndRollouts()
    {
        await using var repo = await RepositoryHarness.StartAsync();
        await PublishTwoReleasesAsync(repo);
        await SeedDevicesAsync(repo);
        var rollout = await SeedRolloutAsync(repo, "app@1.0.0");
        using var viewer = await PageSession.LoginAsync(repo.Server, await PageSession.CreateTokenAsync(repo.Server, AdminRole.Viewer));

        var (status, html, _) = await viewer.GetAsync("/dashboard/releases/app/1.0.0");

        Assert.Equal(HttpStatusCode.OK, status);
        var artifacts = Section(html, "artifacts-table");
        Assert.Contains($">{RepositoryHarness.Sha256(AppV1)}</code>", artifacts, StringComparison.Ordinal);
        Assert.Contains($">{RepositoryHarness.Sha256(ModelV1)}</code>", artifacts, StringComparison.Ordinal);
        Assert.Contains("<code>releases/app/1.0.0/model.bin</code>", artifacts, StringComparison.Ordinal);
        Assert.Contains("<td>model</td>", artifacts, StringComparison.Ordinal);
        Assert.Contains("2.9 KiB", artifacts, StringComparison.Ordinal);
        Assert.DoesNotContain("release.json", artifacts, StringComparison.Ordinal);

        var keys = Section(html, "signing-keys");
        foreach (var key in repo.Keys.RootKeys.Concat(repo.Keys.TargetsKeys))
        {
            Assert.Contains($">{key.KeyId}</code>", keys, StringComparison.Ordinal);
        }

        Assert.Contains($">{repo.Keys.Snapshot.ComputeKeyId()}</code>", keys, StringComparison.Ordinal);
        Assert.Contains("2 of 3", keys, StringComparison.Ordinal); // root threshold
        Assert.Contains("Root metadata v1", keys, StringComparison.Ordinal);
        Assert.Contains("Targets metadata v2", keys, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"data-role=""targets"">.*?<td>yes</td>", RegexOptions.Singleline), keys);

        Assert.Contains("registry.example/app:1.0.0", Section(html, "workload"), StringComparison.Ordinal);

        var devices = Section(html, "release-devices");
        Assert.Contains("data-testid=\"running-count\">3<", devices, StringComparison.Ordinal);
        Assert.Contains("href=\"/dashboard/devices/dev-1\"", devices, StringComparison.Ordinal);
        Assert.Contains("href=\"/dashboard/devices/dev-3\"", devices, StringComparison.Ordinal);
        Assert.DoesNotContain("dev-revoked", devices, StringComparison.Ordinal);
        Assert.Contains("href=\"/dashboard/devices?release=app%401.0.0\"", devices, StringComparison.Ordinal);
        Assert.Contains($"href=\"/dashboard/rollouts/{rollout}\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"release-live\" data-live", html, StringComparison.Ordinal);

        // The other release: no workload, nobody runs it, two devices desire it, no rollout.
        var (_, other, _) = await viewer.GetAsync("/dashboard/releases/app/2.0.0");
        Assert.Contains("has no workload spec", other, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"desired-count\">2<", other, StringComparison.Ordinal);
        Assert.DoesNotContain(rollout, other, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownOrHostileRelease_Is404Page_EmptyRepositoryIsExplained_NoSessionRedirects()
    {
        await using var repo = await RepositoryHarness.StartAsync();
        using var viewer = await PageSession.LoginAsync(repo.Server, repo.Token);

        var (emptyStatus, empty, _) = await viewer.GetAsync("/dashboard/releases");
        Assert.Equal(HttpStatusCode.OK, emptyStatus);
        Assert.Contains("No signed targets metadata yet", empty, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync("/dashboard/releases/app/1.0.0")).Status);

        await PublishTwoReleasesAsync(repo);
        var (status, html, _) = await viewer.GetAsync("/dashboard/releases/app/9.9.9");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("lists no release app@9.9.9", html, StringComparison.Ordinal);

        var (hostileStatus, hostile, _) = await viewer.GetAsync("/dashboard/releases/%3Cscript%3Ealert(1)%3B%3C%5Cscript%3E/1.0.0");
        Assert.Equal(HttpStatusCode.NotFound, hostileStatus);
        Assert.DoesNotContain("<script>alert", hostile, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1);&lt;\\script&gt;@1.0.0", hostile, StringComparison.Ordinal);

        var (longStatus, _, _) = await viewer.GetAsync("/dashboard/releases/" + new string('x', 3000) + "/1");
        Assert.Equal(HttpStatusCode.NotFound, longStatus);

        using var anonymous = PageSession.Anonymous(repo.Server);
        var (redirect, _, location) = await anonymous.GetAsync("/dashboard/releases/app/1.0.0");
        Assert.Equal(HttpStatusCode.Redirect, redirect);
        Assert.Equal("/dashboard/login?next=%2Fdashboard%2Freleases%2Fapp%2F1.0.0", location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/dashboard/releases")).Status);
    }

    /// <summary>Targets v1: app@1.0.0 (app + model + manifest with a workload); targets v2 adds app@2.0.0 (app + manifest without one).</summary>
    private static async Task PublishTwoReleasesAsync(RepositoryHarness repo)
    {
        var manifest1 = Encoding.UTF8.GetBytes(
            """{"name":"app","version":"1.0.0","deviceClass":"rpi4","artifacts":[],"workload":{"image":"registry.example/app:1.0.0","restart":"always"}}""");
        var v1 = await UploadAsync(repo, "app", "1.0.0", ("app.tar", "app", AppV1), ("model.bin", "model", ModelV1), ("release.json", "manifest", manifest1));
        using (var response = await repo.PostAsync(TufApiRoutes.Targets, repo.Keys.Targets(1, repo.In(TimeSpan.FromDays(90)), v1)))
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        var manifest2 = Encoding.UTF8.GetBytes("""{"name":"app","version":"2.0.0","deviceClass":"rpi4","artifacts":[]}""");
        var v2 = await UploadAsync(repo, "app", "2.0.0", ("app.tar", "app", AppV2), ("release.json", "manifest", manifest2));
        foreach (var (path, file) in v1)
        {
            v2[path] = file;
        }

        using var second = await repo.PostAsync(TufApiRoutes.Targets, repo.Keys.Targets(2, repo.In(TimeSpan.FromDays(90)), v2));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
    }

    private static async Task<Dictionary<string, TargetFile>> UploadAsync(
        RepositoryHarness repo, string name, string version, params (string File, string Kind, byte[] Bytes)[] artifacts)
    {
        var targets = new Dictionary<string, TargetFile>(StringComparer.Ordinal);
        foreach (var (file, kind, bytes) in artifacts)
        {
            using var put = await repo.PutBlobAsync(bytes);
            Assert.True(put.IsSuccessStatusCode);
            targets[$"releases/{name}/{version}/{file}"] = OperatorKeys.Target(bytes, name, version, kind);
        }

        return targets;
    }

    /// <summary>dev-1..3 run app@1.0.0 (dev-1 and dev-2 are told to install 2.0.0); dev-revoked ran it but is revoked.</summary>
    private static async Task SeedDevicesAsync(RepositoryHarness repo)
    {
        var database = repo.Server.Services.GetRequiredService<StoreDatabase>();
        await using var connection = await database.OpenAsync(Ct);
        var now = repo.Time.GetUtcNow();
        foreach (var (id, desired, revoked) in new[] { ("dev-1", "app@2.0.0", false), ("dev-2", "app@2.0.0", false), ("dev-3", null, false), ("dev-revoked", "app@2.0.0", true) })
        {
            await using var insert = connection.Sql(
                "INSERT INTO devices (id, site, tags_json, enrolled_at, certificate_serial, certificate_not_after, last_seen_at, device_class, current_release, desired_release, revoked_at) " +
                "VALUES (@id, 'plant-1', '[]', @at, @id, @notAfter, @at, 'rpi4', 'app@1.0.0', @desired, @revoked);")
                .With("@id", id).With("@at", now).With("@notAfter", now.AddDays(30)).With("@desired", desired).With("@revoked", revoked ? now : null);
            await insert.ExecuteNonQueryAsync(Ct);
        }
    }

    /// <summary>A finished rollout of <paramref name="release"/> (aborted, so the engine leaves the devices alone).</summary>
    private static async Task<string> SeedRolloutAsync(RepositoryHarness repo, string release)
    {
        var store = repo.Server.Services.GetRequiredService<IRolloutStore>();
        var id = $"ro-{Guid.NewGuid():N}";
        var now = repo.Time.GetUtcNow();
        var conflict = await store.CreateAsync(
            new RolloutRecord
            {
                Id = id, Spec = new RolloutSpec { Release = release, Target = new RolloutTarget { Sites = ["plant-1"] } },
                State = RolloutState.Aborted, Phase = 0, TargetCount = 3, CreatedAt = now, CreatedBy = "test", UpdatedAt = now,
            },
            [], new RolloutDecision("created", "test"), Ct);
        Assert.Null(conflict);
        return id;
    }

    /// <summary>The markup of the table row <c>tr[data-release=id]</c>.</summary>
    private static string Row(string html, string id)
    {
        var start = html.IndexOf($"<tr data-release=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row for {id}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    /// <summary>From the element carrying <c>data-testid=testid</c> to the end of the enclosing section or table.</summary>
    private static string Section(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no element {testId}");
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return html[start..(end < 0 ? html.Length : end)];
    }
}
