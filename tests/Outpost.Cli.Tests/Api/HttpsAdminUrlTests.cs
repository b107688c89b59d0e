using System.Text.Json;
using Outpost.Cli.Config;

namespace Outpost.Cli.Tests.Api;

/// <summary>https admin URLs: the system trust does not know a private CA; --ca-file adds it, and login stores it.</summary>
public sealed class HttpsAdminUrlTests : IAsyncLifetime
{
    private readonly CliHarness cli = new();
    private readonly TestCertificates certificates = new();
    private StubAdminApi stub = null!;

    public async ValueTask InitializeAsync() => stub = await StubAdminApi.StartAsync(tlsCertificate: certificates.Server);

    public async ValueTask DisposeAsync()
    {
        await stub.DisposeAsync();
        certificates.Dispose();
        cli.Dispose();
    }

    [Fact]
    public async Task Login_HttpsWithPrivateCaFile_SucceedsAndStoresTheCaFile()
    {
        Assert.StartsWith("https://", stub.Url, StringComparison.Ordinal);
        var caFile = certificates.WriteCaPem(cli.Directory);

        var login = await cli.RunAsync("login", "--server", stub.Url, "--token", StubAdminApi.ViewerToken, "--ca-file", caFile);
        var list = await cli.RunAsync("devices", "ls");

        Assert.Equal(0, login.ExitCode);
        var config = JsonSerializer.Deserialize(File.ReadAllText(cli.ConfigPath), CliJsonContext.Default.CliConfig)!;
        Assert.Equal(caFile, config.CaFile);
        Assert.Equal(0, list.ExitCode);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task Login_HttpsWithoutCaFile_RefusesTheUnknownCaWithOneLine()
    {
        var result = await cli.RunAsync("login", "--server", stub.Url, "--token", StubAdminApi.ViewerToken);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"error: cannot reach server at {stub.Url}: TLS handshake failed", result.SingleErrorLine(), StringComparison.Ordinal);
        Assert.Empty(stub.Requests);
        Assert.False(File.Exists(cli.ConfigPath));
    }

    [Fact]
    public async Task Login_HttpsWithAnotherCaFile_IsRefused()
    {
        using var other = new TestCertificates("Someone Else's CA");
        var otherCa = other.WriteCaPem(cli.Directory);

        var result = await cli.RunAsync("login", "--server", stub.Url, "--token", StubAdminApi.ViewerToken, "--ca-file", otherCa);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the server certificate is not trusted by the system or the CA file", result.SingleErrorLine(), StringComparison.Ordinal);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task Login_HttpsWithHostNotInCertificate_IsRefusedEvenWithTheRightCa()
    {
        using var misnamed = new TestCertificates(serverHost: "admin.example.org");
        await using var other = await StubAdminApi.StartAsync(tlsCertificate: misnamed.Server);
        var caFile = misnamed.WriteCaPem(cli.Directory);

        var result = await cli.RunAsync("login", "--server", other.Url, "--token", StubAdminApi.ViewerToken, "--ca-file", caFile);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: cannot reach server at {other.Url}: TLS handshake failed: the server certificate does not name this host", result.SingleErrorLine());
        Assert.Empty(other.Requests);
    }

    [Fact]
    public async Task Run_MissingCaFile_SaysWhichFile()
    {
        var missing = Path.Combine(cli.Directory, "nope.crt");

        var result = await cli.RunAsync("login", "--server", stub.Url, "--token", StubAdminApi.ViewerToken, "--ca-file", missing);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"error: cannot read CA file {missing}", result.SingleErrorLine(), StringComparison.Ordinal);
    }
}
