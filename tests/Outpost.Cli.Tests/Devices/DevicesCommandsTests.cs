using System.Text.Json;
using Outpost.Protocol;
using Outpost.Protocol.Admin;

namespace Outpost.Cli.Tests.Devices;

public sealed class DevicesCommandsTests : IAsyncLifetime
{
    private readonly CliHarness cli = new();
    private StubAdminApi stub = null!;

    public async ValueTask InitializeAsync()
    {
        stub = await StubAdminApi.StartAsync();
        cli.WriteConfig(stub.Url, StubAdminApi.ViewerToken);
    }

    public async ValueTask DisposeAsync()
    {
        await stub.DisposeAsync();
        cli.Dispose();
    }

    [Fact]
    public async Task List_Default_PrintsAlignedTableWithRelativeTimes()
    {
        var result = await cli.RunAsync("devices", "ls");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        var lines = result.StdoutLines;
        Assert.StartsWith("ID ", lines[0], StringComparison.Ordinal);
        Assert.Contains("LAST SEEN", lines[0], StringComparison.Ordinal);
        Assert.Contains("dev-berlin-01", lines[1], StringComparison.Ordinal);
        Assert.Contains("camera,gpu", lines[1], StringComparison.Ordinal);
        Assert.Contains("online", lines[1], StringComparison.Ordinal);
        Assert.Contains("12s ago", lines[1], StringComparison.Ordinal);
        Assert.Contains("in 27d", lines[1], StringComparison.Ordinal);
        Assert.Contains("5h ago", lines[2], StringComparison.Ordinal);
        Assert.Contains("1d ago", lines[2], StringComparison.Ordinal);
        // Aligned: every column starts at the same offset in every row.
        var statusColumn = lines[0].IndexOf("STATUS", StringComparison.Ordinal);
        Assert.Equal("online", lines[1].Substring(statusColumn, 6));
        Assert.Equal("offline", lines[2].Substring(statusColumn, 7));
        // The stub reports more devices than it returns: the footer says how to page.
        Assert.Equal("Showing 1-2 of 42; use --offset/--limit for more.", lines[3]);
        Assert.Equal("Bearer " + StubAdminApi.ViewerToken, stub.LastRequest.Authorization);
    }

    [Fact]
    public async Task List_NoDevices_SaysSo()
    {
        stub.Devices.Clear();
        stub.DevicesOnOtherPages = 0;

        var result = await cli.RunAsync("devices", "ls");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("No devices.", result.StdoutLines.Single());
    }

    [Fact]
    public async Task List_AllOnOnePage_HasNoPagingFooter()
    {
        stub.DevicesOnOtherPages = 0;

        var result = await cli.RunAsync("devices", "ls");

        Assert.Equal(3, result.StdoutLines.Length);
    }

    [Fact]
    public async Task List_Json_PrintsTheApiRecords()
    {
        var result = await cli.RunAsync("devices", "ls", "--json");

        Assert.Equal(0, result.ExitCode);
        var list = JsonSerializer.Deserialize(result.Stdout, OutpostJsonContext.Default.DeviceList)!;
        Assert.Equal(42, list.Total);
        Assert.Equal(["dev-berlin-01", "dev-lyon-07"], list.Items.Select(d => d.Id));
        Assert.Contains("\"status\": \"Offline\"", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_Filters_AreSentAsQueryParameters()
    {
        var result = await cli.RunAsync("devices", "ls", "--site", "berlin west", "--tag", "gpu", "--status", "Online", "--limit", "10", "--offset", "20");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("/v1/devices?site=berlin%20west&tag=gpu&status=online&limit=10&offset=20", stub.LastRequest.PathAndQuery);
    }

    [Fact]
    public async Task List_ReleaseAndSearch_AreSentAsQueryParameters()
    {
        var result = await cli.RunAsync("devices", "ls", "--release", "vision@1.2.0", "--search", "gate cam", "--status", "online");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("/v1/devices?status=online&release=vision%401.2.0&q=gate%20cam", stub.LastRequest.PathAndQuery);
    }

    [Theory]
    [InlineData("--limit", "0")]
    [InlineData("--limit", "ten")]
    [InlineData("--offset", "-1")]
    [InlineData("--status", "dead")]
    public async Task List_BadOptionValue_IsAUsageErrorWithoutARequest(string option, string value)
    {
        var result = await cli.RunAsync("devices", "ls", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(option, result.SingleErrorLine(), StringComparison.Ordinal);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task Show_KnownDevice_PrintsDetailsAndSystemSnapshot()
    {
        var result = await cli.RunAsync("devices", "show", "dev-berlin-01");

        Assert.Equal(0, result.ExitCode);
        var text = result.Stdout;
        Assert.Contains("Site           berlin", text, StringComparison.Ordinal);
        Assert.Contains("Last seen      12s ago (2026-11-29 00:59:48Z)", text, StringComparison.Ordinal);
        Assert.Contains("Certificate    expires in 27d (2026-12-26 01:00:00Z)", text, StringComparison.Ordinal);
        Assert.Contains("CPU          37.3% of 6 cores", text, StringComparison.Ordinal);
        Assert.Contains("Memory       2.0 GiB used of 8.0 GiB (25%)", text, StringComparison.Ordinal);
        Assert.Contains("Swap         512 MiB used of 2.0 GiB (25%)", text, StringComparison.Ordinal);
        Assert.Contains("Load         1.50 0.75 0.25", text, StringComparison.Ordinal);
        Assert.Contains("Uptime       3d 4h", text, StringComparison.Ordinal);
        Assert.Contains("Temperature  51.5 °C", text, StringComparison.Ordinal);
        Assert.Contains("  /      64 GiB   48 GiB  16 GiB   75%", text, StringComparison.Ordinal);
        Assert.Contains("  /data  512 GiB  12 GiB  500 GiB  2%", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_DeviceWithoutSnapshot_SaysSo()
    {
        var result = await cli.RunAsync("devices", "show", "dev-lyon-07");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("System: no snapshot reported yet.", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("expires 1d ago", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_Json_PrintsDeviceWithSystem()
    {
        var result = await cli.RunAsync("devices", "show", "dev-berlin-01", "--json");

        Assert.Equal(0, result.ExitCode);
        var device = JsonSerializer.Deserialize(result.Stdout, OutpostJsonContext.Default.DeviceView)!;
        Assert.Equal(51.5, device.System!.TemperatureCelsius);
        Assert.Equal(2, device.System.Disks.Count);
    }

    [Fact]
    public async Task Show_UnknownDevice_ExitsWith4AndServerDetail()
    {
        var result = await cli.RunAsync("devices", "show", "nope");

        Assert.Equal(4, result.ExitCode);
        Assert.Equal("error: device 'nope' is not enrolled", result.SingleErrorLine());
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Show_IdWithSlash_IsEscapedIntoOnePathSegment()
    {
        var result = await cli.RunAsync("devices", "show", "a/b");

        Assert.Equal(4, result.ExitCode);
        Assert.Equal("/v1/devices/a%2Fb", stub.LastRequest.PathAndQuery);
    }

    [Fact]
    public async Task Revoke_AsViewer_ExitsWith3AndRoleDetail()
    {
        var result = await cli.RunAsync("devices", "revoke", "dev-berlin-01");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("error: role viewer may not do this; operator needed", result.SingleErrorLine());
        Assert.Equal(DeviceStatus.Online, stub.Devices[0].Status);
    }

    [Fact]
    public async Task Revoke_AsOperator_RevokesAndConfirms()
    {
        var result = await cli.RunAsync("devices", "revoke", "dev-berlin-01", "--token", StubAdminApi.OperatorToken);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("POST /v1/devices/dev-berlin-01/revoke", $"{stub.LastRequest.Method} {stub.LastRequest.PathAndQuery}");
        Assert.Equal(DeviceStatus.Revoked, stub.Devices[0].Status);
        Assert.Contains("Revoked device dev-berlin-01", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_UnknownDevice_ExitsWith4()
    {
        var result = await cli.RunAsync("devices", "revoke", "ghost", "--token", StubAdminApi.OperatorToken);

        Assert.Equal(4, result.ExitCode);
        Assert.Equal("error: device 'ghost' is not enrolled", result.SingleErrorLine());
    }
    [Fact]
    public async Task SetRelease_AsOperator_PutsReleaseAndConfirms()
    {
        var result = await cli.RunAsync("devices", "set-release", "dev-berlin-01", "app@1.0.0", "--token", StubAdminApi.OperatorToken);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("PUT /v1/devices/dev-berlin-01/desired-release", $"{stub.LastRequest.Method} {stub.LastRequest.PathAndQuery}");
        Assert.Equal("""{"release":"app@1.0.0"}""", stub.LastRequest.Body);
        Assert.Equal("app@1.0.0", stub.Devices[0].DesiredRelease);
        Assert.Contains("will verify and stage app@1.0.0", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetRelease_Clear_ClearsIt()
    {
        stub.Devices[0] = stub.Devices[0] with { DesiredRelease = "app@1.0.0" };

        var result = await cli.RunAsync("devices", "set-release", "dev-berlin-01", "--clear", "--token", StubAdminApi.OperatorToken);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("PUT /v1/devices/dev-berlin-01/desired-release", $"{stub.LastRequest.Method} {stub.LastRequest.PathAndQuery}");
        Assert.Null(stub.Devices[0].DesiredRelease);
        Assert.Contains("Cleared the desired release of device dev-berlin-01", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetRelease_UnsignedRelease_NonZeroExitWithServerReason()
    {
        var result = await cli.RunAsync("devices", "set-release", "dev-berlin-01", "app@9.9.9", "--token", StubAdminApi.OperatorToken);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("app@9.9.9 is not in the current signed targets", result.SingleErrorLine(), StringComparison.Ordinal);
        Assert.Null(stub.Devices[0].DesiredRelease);
    }

    [Fact]
    public async Task SetRelease_NeitherReleaseNorClear_UsageError()
    {
        var result = await cli.RunAsync("devices", "set-release", "dev-berlin-01", "--token", StubAdminApi.OperatorToken);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("NAME@VERSION or --clear", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(stub.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task Show_WithUpdateReport_PrintsDesiredReleaseAndState()
    {
        stub.Devices[0] = stub.Devices[0] with
        {
            DesiredRelease = "app@1.0.0",
            Update = new Outpost.Protocol.Devices.UpdateReport
            {
                Release = "app@1.0.0", State = Outpost.Protocol.Devices.UpdateState.Refused, Detail = "app.bin: sha256 differs", At = stub.Devices[0].EnrolledAt,
            },
        };

        var result = await cli.RunAsync("devices", "show", "dev-berlin-01");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.StdoutLines, l => l.StartsWith("Desired ", StringComparison.Ordinal) && l.EndsWith("app@1.0.0", StringComparison.Ordinal));
        Assert.Contains(result.StdoutLines, l => l.StartsWith("Update", StringComparison.Ordinal) && l.Contains("app@1.0.0 refused: app.bin: sha256 differs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Show_AfterARollback_PrintsReleasesStateCauseAndDetail()
    {
        stub.Devices[0] = stub.Devices[0] with
        {
            DesiredRelease = "app@2.0.0",
            CurrentRelease = "app@1.0.0",
            PreviousRelease = "app@0.9.0",
            Update = new Outpost.Protocol.Devices.UpdateReport
            {
                Release = "app@2.0.0", State = Outpost.Protocol.Devices.UpdateState.RolledBack,
                Cause = Outpost.Protocol.Devices.UpdateFailureCause.CrashLoop, Detail = "infer restarted 4 times in 60 s", At = stub.Devices[0].EnrolledAt,
            },
        };

        var result = await cli.RunAsync("devices", "show", "dev-berlin-01");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.StdoutLines, l => l.StartsWith("Current ", StringComparison.Ordinal) && l.EndsWith("app@1.0.0", StringComparison.Ordinal));
        Assert.Contains(result.StdoutLines, l => l.StartsWith("Previous ", StringComparison.Ordinal) && l.EndsWith("app@0.9.0", StringComparison.Ordinal));
        Assert.Contains(result.StdoutLines, l => l.StartsWith("Update", StringComparison.Ordinal)
            && l.Contains("app@2.0.0 rolled back (crash loop): infer restarted 4 times in 60 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Show_Downloading_PrintsPercent()
    {
        stub.Devices[0] = stub.Devices[0] with
        {
            DesiredRelease = "app@2.0.0",
            Update = new Outpost.Protocol.Devices.UpdateReport
            {
                Release = "app@2.0.0", State = Outpost.Protocol.Devices.UpdateState.Downloading, ProgressPercent = 42, At = stub.Devices[0].EnrolledAt,
            },
        };

        var result = await cli.RunAsync("devices", "show", "dev-berlin-01");

        Assert.Contains(result.StdoutLines, l => l.StartsWith("Update", StringComparison.Ordinal) && l.Contains("app@2.0.0 downloading 42%", StringComparison.Ordinal));
        Assert.Contains(result.StdoutLines, l => l.StartsWith("Current ", StringComparison.Ordinal) && l.EndsWith("none", StringComparison.Ordinal));
    }
}
