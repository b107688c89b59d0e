using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Outpost.Agent.Cli;
using Outpost.Agent.Identity;
using Outpost.Agent.Tests.Updates.Tuf;
using Outpost.Agent.Updates.SelfUpdate;
using Outpost.Protocol;
using Outpost.Protocol.Enrollment;
using Outpost.Trust.Certificates;

namespace Outpost.Agent.Tests.Updates.SelfUpdate;

/// <summary>
/// Trials of real programs against a real HTTPS device API: the agent itself (its build output behind a one-line
/// exec wrapper, as the JIT build cannot be copied alone), and binaries that exit 1, cannot be executed, or hang.
/// </summary>
public sealed class AgentSelfUpdaterTests : IAsyncLifetime
{
    private const string Old = "cam@1.0.0";
    private const string New = "cam@2.0.0";
    private readonly TestPki _fleet = new("Fleet CA", DateTimeOffset.UtcNow);
    private readonly TempDirectory _data = new();
    private readonly TempDirectory _release = new();
    private readonly FakeLifetime _lifetime = new();
    private TestDeviceApiServer _server = null!;
    private AgentPaths _paths = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private AgentLayout Layout => new(_paths.Agent);

    public async ValueTask InitializeAsync()
    {
        _server = await TestDeviceApiServer.StartAsync(_fleet.IssueServer(), _fleet.CaPublic);
        _server.Enroll = request => Results.Json(new EnrollmentResponse
        {
            DeviceId = "dev-9",
            CertificatePem = _fleet.IssueDevicePem(request.CsrPem, "dev-9", DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(30)),
            CaCertificatePem = _fleet.CaPem,
            CheckInIntervalSeconds = 30,
        }, OutpostJsonContext.Default.EnrollmentResponse);
        var arguments = new EnrollArguments(_server.Url, "t", null, CaFingerprint.Of(_fleet.Ca), _data.Path, "trial", false);
        Assert.Equal(ExitCodes.Success, await new Enroller(TimeProvider.System, TextWriter.Null, TextWriter.Null).RunAsync(arguments, Ct));
        _paths = new AgentPaths(_data.Path);
        // The agent as installed before the update: versions/cam@1.0.0, current → it.
        Directory.CreateDirectory(Layout.Version(Old));
        await File.WriteAllTextAsync(Layout.Binary(Old), "#!/bin/sh\nexit 0\n", Ct);
        AgentLayout.Switch(Layout.Current, Old);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _fleet.Dispose();
        _data.Dispose();
        _release.Dispose();
    }

    private AgentSelfUpdater Updater(TimeSpan? timeout = null) => new(
        _paths, new SelfUpdateOptions { TrialTimeout = timeout ?? TimeSpan.FromSeconds(60) }, _lifetime, TimeProvider.System, NullLogger.Instance);

    private string ReleaseFile(string contents) => ReleaseFile(System.Text.Encoding.UTF8.GetBytes(contents));

    private string ReleaseFile(byte[] contents)
    {
        var path = _release.File("outpost-agent");
        File.WriteAllBytes(path, contents);
        return path;
    }

    private void AssertNothingSwitched()
    {
        Assert.Equal(Old, Layout.CurrentVersion);
        Assert.Null(Layout.PreviousVersion);
        Assert.False(File.Exists(Layout.Pending));
        Assert.False(Directory.Exists(Layout.Version(New)));
    }

    [Fact]
    public async Task TrialAsync_TheRealAgent_ChecksInThenCurrentSwitchesPreviousKeptPendingWritten()
    {
        // Release files are stored without the execute bit; the trial must set it itself.
        var binary = ReleaseFile($"#!/bin/sh\nexec '{AgentBinary.Path[..^".dll".Length]}' \"$@\"\n");
        // The installed release (the engine's current link): the trial's check-in reports it, so it does not blank it.
        Directory.CreateDirectory(_paths.Release(Old));
        File.CreateSymbolicLink(_paths.Current, Path.Combine("releases", Old));

        var result = await Updater().TrialAsync(New, binary, Ct);

        Assert.True(result.Passed, result.Detail);
        Assert.Equal(New, Layout.CurrentVersion);
        Assert.Equal(Old, Layout.PreviousVersion);
        Assert.Equal(New, AgentLayout.ReadRecord(Layout.Pending)["release"]);
        var checkIn = Assert.Single(_server.CheckIns);
        Assert.Equal(AgentVersion.Current, checkIn.AgentVersion);
        Assert.Equal(Old, checkIn.CurrentRelease);
        Assert.True(File.GetUnixFileMode(Layout.Binary(New)).HasFlag(UnixFileMode.UserExecute));
        Assert.False(_lifetime.Stopped);
    }

    [Fact]
    public async Task TrialAsync_BinaryExitsOne_FailsWithExitCodeAndFirstStderrLine()
    {
        var result = await Updater().TrialAsync(New, ReleaseFile("#!/bin/sh\necho 'cannot load libfoo.so' >&2\necho second >&2\nexit 1\n"), Ct);

        Assert.False(result.Passed);
        Assert.Equal("the new agent binary exited with code 1: cannot load libfoo.so", result.Detail);
        AssertNothingSwitched();
    }

    [Fact]
    public async Task TrialAsync_TextFileThatIsNoProgram_FailsAsNotExecutable()
    {
        var result = await Updater().TrialAsync(New, ReleaseFile("this is a README, not an agent\n"), Ct);

        Assert.False(result.Passed);
        Assert.StartsWith("the new agent binary is not executable", result.Detail, StringComparison.Ordinal);
        AssertNothingSwitched();
    }

    [Fact]
    public async Task TrialAsync_GarbageBytes_FailsAsNotExecutable()
    {
        var garbage = new byte[4096];
        new Random(42).NextBytes(garbage);
        garbage[0] = 0;

        var result = await Updater().TrialAsync(New, ReleaseFile(garbage), Ct);

        Assert.False(result.Passed);
        Assert.StartsWith("the new agent binary is not executable", result.Detail, StringComparison.Ordinal);
        AssertNothingSwitched();
    }

    [Fact]
    public async Task TrialAsync_BinaryHangs_KilledAtTheTimeoutAndFails()
    {
        var result = await Updater(TimeSpan.FromSeconds(1)).TrialAsync(New, ReleaseFile("#!/bin/sh\nexec sleep 120\n"), Ct);

        Assert.False(result.Passed);
        Assert.Equal("the new agent binary did not check in within 00:00:01", result.Detail);
        AssertNothingSwitched();
    }

    [Fact]
    public async Task TrialAsync_MissingBinary_FailsNamingThePath()
    {
        var result = await Updater().TrialAsync(New, _release.File("nothing-here"), Ct);

        Assert.Equal($"the release has no agent binary at {_release.File("nothing-here")}", result.Detail);
        AssertNothingSwitched();
    }

    [Fact]
    public async Task HandOverAsync_StopsTheHostSoTheServiceManagerStartsTheNewBinary()
    {
        await Updater().HandOverAsync(Ct);

        Assert.True(_lifetime.Stopped);
    }

    [Fact]
    public async Task StartConfirmation_NewBinaryChecksIn_DeletesPending_TheOldAgentNever()
    {
        Directory.CreateDirectory(Layout.Version(New));
        AgentLayout.Switch(Layout.Previous, Old);
        AgentLayout.Switch(Layout.Current, New);
        await File.WriteAllTextAsync(Layout.Pending, $"release={New}\nstarts=1\n", Ct);
        var old = new AgentStartConfirmation(Layout, null, () => Layout.Binary(Old), NullLogger<AgentStartConfirmation>.Instance);
        var started = new AgentStartConfirmation(Layout, null, () => Layout.Binary(New), NullLogger<AgentStartConfirmation>.Instance);
        await old.StartAsync(Ct);
        await started.StartAsync(Ct);

        old.OnCheckedIn();
        Assert.True(File.Exists(Layout.Pending));
        started.OnCheckedIn();

        Assert.False(File.Exists(Layout.Pending));
        Assert.Equal(New, Layout.CurrentVersion);
    }

    [Fact]
    public void TakeRevert_WatchdogRecord_ReturnedOnceForTheReport()
    {
        File.WriteAllText(Layout.Reverted, $"release={New}\nreason=started 3 times without checking in\nto={Old}\n");
        var updater = Updater();

        Assert.Equal(new AgentRevert(New, "started 3 times without checking in"), updater.TakeRevert());
        Assert.Null(updater.TakeRevert());
    }

    private sealed class FakeLifetime : IHostApplicationLifetime
    {
        public bool Stopped { get; private set; }

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => Stopped = true;
    }
}
