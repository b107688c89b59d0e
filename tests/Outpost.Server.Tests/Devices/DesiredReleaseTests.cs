using System.Net;
using System.Net.Http.Json;
using Outpost.Protocol;
using Outpost.Protocol.Admin;
using Outpost.Protocol.Devices;
using Outpost.Server.Tests.Harness;
using Outpost.Server.Tests.Repository;

namespace Outpost.Server.Tests.Devices;

/// <summary>The operator's desired release per device, answered on check-in, and the agent's update report on the view.</summary>
public sealed class DesiredReleaseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> SetAsync(RepositoryHarness repo, string id, string? release) =>
        repo.Admin.PutAsJsonAsync(
            AdminApiRoutes.DesiredRelease(id), new SetDesiredReleaseRequest { Release = release },
            OutpostJsonContext.Default.SetDesiredReleaseRequest, Ct);

    private static async Task<DesiredState> CheckInAsync(TestDevice device, UpdateReport? update = null)
    {
        using var response = await device.CheckInAsync(TestDevice.SampleCheckIn() with { Update = update });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync(OutpostJsonContext.Default.CheckInResponse, Ct))!.Desired;
    }

    [Fact]
    public async Task SetDesiredRelease_SignedRelease_CheckInAnswersItAndClearRemovesIt()
    {
        await using var repo = await RepositoryHarness.StartAsync();
        Assert.Equal(HttpStatusCode.Created, (await repo.PublishAsync(1, new Dictionary<string, byte[]> { ["releases/app/1.0.0/app.bin"] = [1, 2, 3] })).StatusCode);
        using var device = await TestDevice.EnrollAsync(repo.Server, (await repo.Server.CreateEnrollmentTokenAsync()).Token);
        Assert.Null((await CheckInAsync(device)).ReleaseId);

        using var set = await SetAsync(repo, device.Id, "app@1.0.0");
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal("app@1.0.0", (await set.Content.ReadFromJsonAsync(OutpostJsonContext.Default.DeviceView, Ct))!.DesiredRelease);
        Assert.Equal("app@1.0.0", (await CheckInAsync(device)).ReleaseId);

        using var clear = await SetAsync(repo, device.Id, null);
        Assert.Equal(HttpStatusCode.OK, clear.StatusCode);
        Assert.Null((await CheckInAsync(device)).ReleaseId);
        Assert.Null((await repo.Server.GetDeviceAsync(device.Id)).DesiredRelease);
    }

    [Fact]
    public async Task SetDesiredRelease_NotInSignedTargets_409AndNothingStored()
    {
        await using var repo = await RepositoryHarness.StartAsync();
        Assert.Equal(HttpStatusCode.Created, (await repo.PublishAsync(1, new Dictionary<string, byte[]> { ["releases/app/1.0.0/app.bin"] = [1, 2, 3] })).StatusCode);
        using var device = await TestDevice.EnrollAsync(repo.Server, (await repo.Server.CreateEnrollmentTokenAsync()).Token);

        using var response = await SetAsync(repo, device.Id, "app@2.0.0");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("app@2.0.0 is not in the current signed targets", (await response.ReadProblemAsync()).Detail, StringComparison.Ordinal);
        Assert.Null((await CheckInAsync(device)).ReleaseId);
    }

    [Fact]
    public async Task SetDesiredRelease_UnknownDeviceOrMalformedRelease_404And400()
    {
        await using var repo = await RepositoryHarness.StartAsync();
        using var device = await TestDevice.EnrollAsync(repo.Server, (await repo.Server.CreateEnrollmentTokenAsync()).Token);

        using var unknown = await SetAsync(repo, "dev-nope", null);
        using var malformed = await SetAsync(repo, device.Id, "App 1.0");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.True((await malformed.ReadProblemAsync()).Errors!.ContainsKey("release"));
    }

    [Fact]
    public async Task SetDesiredRelease_ViewerToken_403()
    {
        await using var repo = await RepositoryHarness.StartAsync();
        using var created = await repo.Admin.PostAsJsonAsync(
            AdminApiRoutes.AdminTokens, new CreateAdminTokenRequest { Name = "viewer", Role = AdminRole.Viewer },
            OutpostJsonContext.Default.CreateAdminTokenRequest, Ct);
        var viewerToken = (await created.Content.ReadFromJsonAsync(OutpostJsonContext.Default.CreatedAdminToken, Ct))!.Token;
        using var viewer = repo.Server.AdminClient(viewerToken);

        using var response = await viewer.PutAsJsonAsync(
            AdminApiRoutes.DesiredRelease("dev-x"), new SetDesiredReleaseRequest { Release = null }, OutpostJsonContext.Default.SetDesiredReleaseRequest, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task CheckIn_WithUpdateReport_VisibleOnDeviceView()
    {
        await using var repo = await RepositoryHarness.StartAsync();
        using var device = await TestDevice.EnrollAsync(repo.Server, (await repo.Server.CreateEnrollmentTokenAsync()).Token);
        var report = new UpdateReport { Release = "app@1.0.0", State = UpdateState.Refused, Detail = "app.bin: sha256 differs", At = repo.Time.GetUtcNow() };

        await CheckInAsync(device, report with { State = UpdateState.Downloading, ProgressPercent = 40, Detail = null });
        Assert.Equal((UpdateState.Downloading, 40), ((await repo.Server.GetDeviceAsync(device.Id)).Update!.State, (await repo.Server.GetDeviceAsync(device.Id)).Update!.ProgressPercent));
        await CheckInAsync(device, report);

        Assert.Equal(report, (await repo.Server.GetDeviceAsync(device.Id)).Update);
    }

    [Fact]
    public async Task CheckIn_UpdateReportProgressOutOfRange_400NamingTheField()
    {
        await using var repo = await RepositoryHarness.StartAsync();
        using var device = await TestDevice.EnrollAsync(repo.Server, (await repo.Server.CreateEnrollmentTokenAsync()).Token);

        using var response = await device.CheckInAsync(TestDevice.SampleCheckIn() with
        {
            Update = new UpdateReport { Release = "app@1.0.0", State = UpdateState.Downloading, ProgressPercent = 140, At = repo.Time.GetUtcNow() },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadProblemAsync()).Errors!.ContainsKey("update.progressPercent"));
    }
}
