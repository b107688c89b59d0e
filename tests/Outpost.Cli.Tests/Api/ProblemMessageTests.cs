using System.Net;
using Outpost.Cli.Api;

namespace Outpost.Cli.Tests.Api;

public sealed class ProblemMessageTests
{
    [Fact]
    public void From_DetailAndTitle_PrefersDetail()
    {
        Assert.Equal("token expired", ProblemMessage.From(HttpStatusCode.Unauthorized, """{"title":"Unauthorized","detail":"token expired"}"""));
    }

    [Fact]
    public void From_ValidationErrors_NamesEveryField()
    {
        var body = """{"title":"Bad request","errors":{"site":["required"],"maxUses":["must be >= 1","too big"]}}""";

        Assert.Equal("Bad request (site: required; maxUses: must be >= 1 too big)", ProblemMessage.From(HttpStatusCode.BadRequest, body));
    }

    [Fact]
    public void From_MultiLineDetail_BecomesOneLine()
    {
        Assert.Equal("first second", ProblemMessage.From(HttpStatusCode.BadRequest, """{"detail":"first\n  second"}"""));
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, "", "token refused by the server (HTTP 401)")]
    [InlineData(HttpStatusCode.Forbidden, "not json", "the token's role does not allow this (HTTP 403)")]
    [InlineData(HttpStatusCode.NotFound, null, "not found (HTTP 404)")]
    [InlineData(HttpStatusCode.InternalServerError, "", "server answered HTTP 500")]
    public void From_NoProblemBody_FallsBackOnTheStatus(HttpStatusCode status, string? body, string expected)
    {
        Assert.Equal(expected, ProblemMessage.From(status, body));
    }

    [Fact]
    public void From_LongPlainBody_IsCut()
    {
        var message = ProblemMessage.From(HttpStatusCode.BadGateway, new string('x', 500));

        Assert.True(message.Length < 160, message);
        Assert.EndsWith("…", message, StringComparison.Ordinal);
    }
}
