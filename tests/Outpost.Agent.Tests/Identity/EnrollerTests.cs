using Microsoft.AspNetCore.Http;
using Outpost.Agent.Cli;
using Outpost.Agent.Identity;
using Outpost.Protocol;
using Outpost.Protocol.Enrollment;
using Outpost.Trust.Certificates;

namespace Outpost.Agent.Tests.Identity;

/// <summary>Enrollment against a real HTTPS endpoint on 127.0.0.1, including the pinning attacks.</summary>
public sealed class EnrollerTests : IAsyncLifetime
{
    private readonly TestPki _fleet = new("Fleet CA", DateTimeOffset.UtcNow);
    private readonly TestPki _rogue = new("Rogue CA", DateTimeOffset.UtcNow);
    private readonly TempDirectory _data = new();
    private TestDeviceApiServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await TestDeviceApiServer.StartAsync(_fleet.IssueServer(), _fleet.CaPublic);
        _server.Enroll = SignLikeTheServer(_fleet);
    }

    [Fact]
    public async Task RunAsync_MatchingFingerprint_StoresKeyCertCaAndState()
    {
        var (code, output, error) = await Enroll(fingerprint: CaFingerprint.Of(_fleet.Ca));

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("enrolled as device dev-42", output, StringComparison.Ordinal);
        var store = new IdentityStore(_data.Path);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.KeyPath));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(store.KeyPath), StringComparison.Ordinal);
        using var certificate = store.LoadClientCertificate();
        Assert.Equal("CN=dev-42", certificate.Subject);
        Assert.Equal(_fleet.Ca.Thumbprint, store.LoadCa().Thumbprint);
        var state = store.ReadState()!;
        Assert.Equal(("dev-42", "jetson-orin", _server.Url.GetLeftPart(UriPartial.Authority)), (state.DeviceId, state.DeviceClass, state.ServerUrl));
        Assert.Empty(Directory.GetFiles(_data.Path, "*.tmp").Concat(Directory.GetFiles(_data.Path, "*.next")));
    }

    [Fact]
    public async Task RunAsync_CaFile_Enrolls()
    {
        File.WriteAllText(_data.File("pinned-ca.crt"), _fleet.CaPem);

        var (code, _, error) = await Enroll(caFile: _data.File("pinned-ca.crt"));

        Assert.True(code == ExitCodes.Success, error);
        Assert.True(File.Exists(_data.File("agent.json")));
    }

    [Fact]
    public async Task RunAsync_WrongFingerprint_RefusesBeforeSendingTheToken()
    {
        var (code, _, error) = await Enroll(fingerprint: CaFingerprint.Of(_rogue.Ca));

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("does not match fingerprint", error, StringComparison.Ordinal);
        Assert.Equal(0, _server.EnrollCalls);
        AssertNothingStored();
    }

    [Fact]
    public async Task RunAsync_ServerWithoutCaRoute_SaysTheCaWasNotPresented()
    {
        _server.CaPem = null;

        var (code, _, error) = await Enroll(fingerprint: CaFingerprint.Of(_fleet.Ca));

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("presented no CA certificate with fingerprint", error, StringComparison.Ordinal);
        Assert.Equal(0, _server.EnrollCalls);
    }

    [Fact]
    public async Task RunAsync_CaRouteServesAnotherCa_Refuses()
    {
        _server.CaPem = _rogue.CaPem;

        var (code, _, error) = await Enroll(fingerprint: CaFingerprint.Of(_fleet.Ca));

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("does not match fingerprint", error, StringComparison.Ordinal);
        Assert.Equal(0, _server.EnrollCalls);
    }

    [Fact]
    public async Task RunAsync_CaFileOfAnotherCa_Refuses()
    {
        File.WriteAllText(_data.File("pinned-ca.crt"), _rogue.CaPem);

        var (code, _, error) = await Enroll(caFile: _data.File("pinned-ca.crt"));

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("server certificate rejected", error, StringComparison.Ordinal);
        Assert.Equal(0, _server.EnrollCalls);
    }

    [Fact]
    public async Task RunAsync_ServerCertFromAnotherCaWithThePinnedCaAttached_Refuses()
    {
        // An impostor can hand out the real (public) fleet CA; its own leaf still does not chain to it.
        await using var impostor = await TestDeviceApiServer.StartAsync(_rogue.IssueServer(), _fleet.CaPublic);
        impostor.Enroll = SignLikeTheServer(_rogue);

        var (code, _, error) = await Enroll(fingerprint: CaFingerprint.Of(_fleet.Ca), server: impostor.Url);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("does not chain to the pinned CA", error, StringComparison.Ordinal);
        Assert.Equal(0, impostor.EnrollCalls);
        AssertNothingStored();
    }

    [Fact]
    public async Task RunAsync_ServerRefusesToken_PrintsServerDetailOnOneLine()
    {
        _server.Enroll = _ => Results.Problem(detail: "enrollment token expired", statusCode: 401, title: "Unauthorized");

        var (code, _, error) = await Enroll(fingerprint: CaFingerprint.Of(_fleet.Ca));

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Equal("outpost-agent: enrollment refused: HTTP 401: enrollment token expired", error.Trim());
        AssertNothingStored();
    }

    [Fact]
    public async Task RunAsync_ResponseCertificateForAnotherKey_IsNotStored()
    {
        _server.Enroll = _ => Results.Json(new EnrollmentResponse
        {
            DeviceId = "dev-42",
            CertificatePem = _fleet.NewDevice("dev-42", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30)).CertificatePem,
            CaCertificatePem = _fleet.CaPem,
            CheckInIntervalSeconds = 30,
        }, OutpostJsonContext.Default.EnrollmentResponse);

        var (code, _, error) = await Enroll(fingerprint: CaFingerprint.Of(_fleet.Ca));

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("not for this device's key", error, StringComparison.Ordinal);
        AssertNothingStored();
    }

    [Fact]
    public async Task RunAsync_AlreadyEnrolled_RefusesUnlessForced()
    {
        Assert.Equal(ExitCodes.Success, (await Enroll(fingerprint: CaFingerprint.Of(_fleet.Ca))).Code);
        var firstKey = File.ReadAllText(_data.File("device.key"));

        var (code, _, error) = await Enroll(fingerprint: CaFingerprint.Of(_fleet.Ca));
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("already enrolled", error, StringComparison.Ordinal);
        Assert.Equal(firstKey, File.ReadAllText(_data.File("device.key")));

        var (forcedCode, _, _) = await Enroll(fingerprint: CaFingerprint.Of(_fleet.Ca), force: true);
        Assert.Equal(ExitCodes.Success, forcedCode);
        Assert.NotEqual(firstKey, File.ReadAllText(_data.File("device.key")));
    }

    [Fact]
    public async Task RunAsync_ServerUnreachable_ExitsOneWithReason()
    {
        await _server.DisposeAsync();

        var (code, _, error) = await Enroll(fingerprint: CaFingerprint.Of(_fleet.Ca));

        Assert.Equal(ExitCodes.Failure, code);
        Assert.StartsWith("outpost-agent: cannot reach", error, StringComparison.Ordinal);
        _server = await TestDeviceApiServer.StartAsync(_fleet.IssueServer(), _fleet.CaPublic);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _fleet.Dispose();
        _rogue.Dispose();
        _data.Dispose();
    }

    private void AssertNothingStored() =>
        Assert.Equal(
            Directory.GetFiles(_data.Path).Where(f => f.EndsWith("pinned-ca.crt", StringComparison.Ordinal)),
            Directory.GetFiles(_data.Path));

    private static Func<EnrollmentRequest, IResult> SignLikeTheServer(TestPki pki) => request => Results.Json(new EnrollmentResponse
    {
        DeviceId = "dev-42",
        CertificatePem = pki.IssueDevicePem(request.CsrPem, "dev-42", DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(30)),
        CaCertificatePem = pki.CaPem,
        CheckInIntervalSeconds = 30,
    }, OutpostJsonContext.Default.EnrollmentResponse);

    private async Task<(int Code, string Output, string Error)> Enroll(
        string? fingerprint = null, string? caFile = null, Uri? server = null, bool force = false)
    {
        var arguments = new EnrollArguments(
            server ?? _server.Url, "token-1", caFile, fingerprint, _data.Path, "jetson-orin", force);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await new Enroller(TimeProvider.System, output, error).RunAsync(arguments, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }
}
