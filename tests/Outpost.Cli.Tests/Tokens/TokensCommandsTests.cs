using System.Text.Json;
using Outpost.Protocol;

namespace Outpost.Cli.Tests.Tokens;

public sealed class TokensCommandsTests : IAsyncLifetime
{
    private readonly CliHarness cli = new();
    private StubAdminApi stub = null!;

    public async ValueTask InitializeAsync()
    {
        stub = await StubAdminApi.StartAsync();
        cli.WriteConfig(stub.Url, StubAdminApi.OperatorToken);
    }

    public async ValueTask DisposeAsync()
    {
        await stub.DisposeAsync();
        cli.Dispose();
    }

    [Fact]
    public async Task Create_WithAllOptions_SendsRequestAndPrintsSecretOnceWithEnrollHint()
    {
        var result = await cli.RunAsync("tokens", "create", "--site", "berlin", "--tag", "camera", "--tag", "gpu", "--uses", "5", "--expires", "7d");

        Assert.Equal(0, result.ExitCode);
        var sent = JsonSerializer.Deserialize(stub.LastRequest.Body, OutpostJsonContext.Default.CreateEnrollmentTokenRequest)!;
        Assert.Equal("berlin", sent.Site);
        Assert.Equal(["camera", "gpu"], sent.Tags);
        Assert.Equal(5, sent.MaxUses);
        Assert.Equal(7 * 86_400, sent.ValidForSeconds);
        Assert.Contains("Created enrollment token et-new for site berlin (tags camera,gpu), 5 use(s), expires in 7d (2026-12-06 01:00:00Z).", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("outpost-agent enroll --server https://<device-api-host>:8443 --token enroll-secret-123", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_Defaults_OneUseFor24Hours()
    {
        var result = await cli.RunAsync("tokens", "create", "--site", "lyon");

        Assert.Equal(0, result.ExitCode);
        var sent = JsonSerializer.Deserialize(stub.LastRequest.Body, OutpostJsonContext.Default.CreateEnrollmentTokenRequest)!;
        Assert.Equal(1, sent.MaxUses);
        Assert.Equal(86_400, sent.ValidForSeconds);
        Assert.Empty(sent.Tags);
    }

    [Fact]
    public async Task Create_Json_PrintsCreatedToken()
    {
        var result = await cli.RunAsync("tokens", "create", "--site", "berlin", "--expires", "30m", "--json");

        Assert.Equal(0, result.ExitCode);
        var created = JsonSerializer.Deserialize(result.Stdout, OutpostJsonContext.Default.CreatedEnrollmentToken)!;
        Assert.Equal("enroll-secret-123", created.Token);
        Assert.Equal(StubData.Now.AddMinutes(30), created.Info.ExpiresAt);
    }

    [Fact]
    public async Task Create_ServerValidationError_NamesTheFieldInTheErrorLine()
    {
        var result = await cli.RunAsync("tokens", "create", "--site", " ");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: One or more validation errors occurred. (site: Site must not be empty.)", result.SingleErrorLine());
    }

    [Fact]
    public async Task Create_AsViewer_ExitsWith3()
    {
        var result = await cli.RunAsync("tokens", "create", "--site", "berlin", "--token", StubAdminApi.ViewerToken);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("operator needed", result.SingleErrorLine(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--expires", "5x")]
    [InlineData("--expires", "0h")]
    [InlineData("--expires", "-1d")]
    [InlineData("--uses", "0")]
    [InlineData("--uses", "many")]
    public async Task Create_BadOptionValue_IsAUsageErrorWithoutARequest(string option, string value)
    {
        var result = await cli.RunAsync("tokens", "create", "--site", "berlin", option, value);

        Assert.Equal(2, result.ExitCode);
        result.SingleErrorLine();
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task Create_WithoutSite_IsAUsageError()
    {
        var result = await cli.RunAsync("tokens", "create");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--site", result.SingleErrorLine(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_Default_PrintsTableWithDerivedState()
    {
        var result = await cli.RunAsync("tokens", "ls");

        Assert.Equal(0, result.ExitCode);
        var lines = result.StdoutLines;
        Assert.Equal(3, lines.Length);
        Assert.Matches(@"^ID\s+SITE\s+TAGS\s+USES\s+STATE\s+EXPIRES\s+CREATED$", lines[0]);
        Assert.Matches(@"^et-1\s+berlin\s+camera\s+2/5\s+active\s+in 22h\s+2h ago$", lines[1]);
        Assert.Matches(@"^et-2\s+lyon\s+-\s+0/1\s+expired\s+1d ago\s+2d ago$", lines[2]);
    }

    [Fact]
    public async Task List_Json_PrintsArray()
    {
        var result = await cli.RunAsync("tokens", "ls", "--json");

        Assert.Equal(0, result.ExitCode);
        var tokens = JsonSerializer.Deserialize(result.Stdout, OutpostJsonContext.Default.IReadOnlyListEnrollmentTokenView)!;
        Assert.Equal(["et-1", "et-2"], tokens.Select(t => t.Id));
    }

    [Fact]
    public async Task Revoke_KnownToken_SendsDeleteAndConfirms()
    {
        var result = await cli.RunAsync("tokens", "revoke", "et-1");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("DELETE /v1/enrollment-tokens/et-1", $"{stub.LastRequest.Method} {stub.LastRequest.PathAndQuery}");
        Assert.Equal("Revoked enrollment token et-1 (site berlin, used 2 of 5).", result.StdoutLines.Single());
        Assert.NotNull(stub.EnrollmentTokens[0].RevokedAt);
    }

    [Fact]
    public async Task Revoke_UnknownToken_ExitsWith4()
    {
        var result = await cli.RunAsync("tokens", "revoke", "et-404");

        Assert.Equal(4, result.ExitCode);
        Assert.Equal("error: enrollment token 'et-404' does not exist", result.SingleErrorLine());
    }
}
