using System.Diagnostics;
using Outpost.Agent.Cli;
using Outpost.Agent.Identity;
using Outpost.Trust.Certificates;

namespace Outpost.Agent.Tests.Cli;

/// <summary>
/// The real `outpost-agent run` process against a real HTTPS listener: enrolls, checks in over mutual TLS, and stops
/// with exit code 0 on SIGTERM.
/// </summary>
public sealed class RunProcessTests : IAsyncLifetime
{
    private readonly TestPki _fleet = new("Fleet CA", DateTimeOffset.UtcNow);
    private readonly TempDirectory _data = new();
    private TestDeviceApiServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await TestDeviceApiServer.StartAsync(_fleet.IssueServer(), _fleet.CaPublic);
        _server.Enroll = request => Microsoft.AspNetCore.Http.Results.Json(new Outpost.Protocol.Enrollment.EnrollmentResponse
        {
            DeviceId = "dev-7",
            CertificatePem = _fleet.IssueDevicePem(request.CsrPem, "dev-7", DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(30)),
            CaCertificatePem = _fleet.CaPem,
            CheckInIntervalSeconds = 30,
        }, Outpost.Protocol.OutpostJsonContext.Default.EnrollmentResponse);
    }

    [Fact]
    public async Task Run_EnrolledDevice_ChecksInWithItsCertificateAndExitsZeroOnSigterm()
    {
        var arguments = new EnrollArguments(_server.Url, "t", null, CaFingerprint.Of(_fleet.Ca), _data.Path, "proc-test", false);
        Assert.Equal(ExitCodes.Success, await new Enroller(TimeProvider.System, TextWriter.Null, TextWriter.Null).RunAsync(arguments, TestContext.Current.CancellationToken));
        using var certificate = new IdentityStore(_data.Path).LoadClientCertificate();

        var start = new ProcessStartInfo(AgentExecutable(), ["run", "--data-dir", _data.Path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (_server.CheckInClientThumbprints.IsEmpty && !process.HasExited && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }

            Assert.False(process.HasExited, process.HasExited ? await error : null);
            Assert.Equal(certificate.Thumbprint, Assert.Single(_server.CheckInClientThumbprints));

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
            }

            using var stopGuard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await process.WaitForExitAsync(stopGuard.Token);
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("Check-in loop stopped", await output, StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    // The agent's own build output (its deps.json and runtimeconfig), not the copy in this test project's folder,
    // which resolves Microsoft.Extensions.* from the ASP.NET Core framework that the agent does not reference.
    private static string AgentExecutable()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        var (framework, configuration) = (testOutput.Name, testOutput.Parent!.Name);
        var repository = testOutput.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        return Path.Combine(repository, "src", "Outpost.Agent", "bin", configuration, framework, "outpost-agent");
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _fleet.Dispose();
        _data.Dispose();
    }
}
