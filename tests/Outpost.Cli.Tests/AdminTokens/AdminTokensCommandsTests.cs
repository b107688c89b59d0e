using System.Text.Json;
using Outpost.Protocol;
using Outpost.Protocol.Admin;

namespace Outpost.Cli.Tests.AdminTokens;

public sealed class AdminTokensCommandsTests : IAsyncLifetime
{
    private readonly CliHarness cli = new();
    private StubAdminApi stub = null!;

    public async ValueTask InitializeAsync()
    {
        stub = await StubAdminApi.StartAsync();
        cli.WriteConfig(stub.Url, StubAdminApi.AdminToken);
    }

    public async ValueTask DisposeAsync()
    {
        await stub.DisposeAsync();
        cli.Dispose();
    }

    [Fact]
    public async Task Create_SendsNameAndLowercaseRole_PrintsSecret()
    {
        var result = await cli.RunAsync("admin-tokens", "create", "--name", "ci", "--role", "operator");

        Assert.Equal(0, result.ExitCode);
        var sent = JsonSerializer.Deserialize(stub.LastRequest.Body, OutpostJsonContext.Default.CreateAdminTokenRequest)!;
        Assert.Equal(new CreateAdminTokenRequest { Name = "ci", Role = AdminRole.Operator }, sent);
        Assert.Contains("Created admin token tok-new for ci (role operator).", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  new-admin-secret", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("root")]
    [InlineData("2")]
    public async Task Create_UnknownRole_IsAUsageErrorListingTheRoles(string role)
    {
        var result = await cli.RunAsync("admin-tokens", "create", "--name", "ci", "--role", role);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("use one of viewer, operator, admin", result.SingleErrorLine(), StringComparison.Ordinal);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task Create_AsOperator_ExitsWith3()
    {
        var result = await cli.RunAsync("admin-tokens", "create", "--name", "ci", "--role", "admin", "--token", StubAdminApi.OperatorToken);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("error: role operator may not do this; admin needed", result.SingleErrorLine());
    }

    [Fact]
    public async Task List_Default_PrintsTable()
    {
        var result = await cli.RunAsync("admin-tokens", "ls");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^ID\s+NAME\s+ROLE\s+STATE\s+CREATED$", result.StdoutLines[0]);
        Assert.Matches(@"^tok-admin\s+alice\s+admin\s+active\s+10d ago$", result.StdoutLines[1]);
    }

    [Fact]
    public async Task List_Json_PrintsArray()
    {
        var result = await cli.RunAsync("admin-tokens", "ls", "--json");

        Assert.Equal(0, result.ExitCode);
        var tokens = JsonSerializer.Deserialize(result.Stdout, OutpostJsonContext.Default.IReadOnlyListAdminTokenView)!;
        Assert.Contains(tokens, t => t.Name == "victor" && t.Role == AdminRole.Viewer);
    }

    [Fact]
    public async Task Revoke_KnownToken_SendsDelete()
    {
        var result = await cli.RunAsync("admin-tokens", "revoke", "tok-view");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("DELETE /v1/admin-tokens/tok-view", $"{stub.LastRequest.Method} {stub.LastRequest.PathAndQuery}");
        Assert.Equal("Revoked admin token tok-view (victor, role viewer).", result.StdoutLines.Single());
    }

    [Fact]
    public async Task Revoke_UnknownToken_ExitsWith4()
    {
        var result = await cli.RunAsync("admin-tokens", "revoke", "tok-404");

        Assert.Equal(4, result.ExitCode);
        result.SingleErrorLine();
    }
}
