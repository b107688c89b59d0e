using Outpost.Cli.Config;

namespace Outpost.Cli.Tests.Config;

public sealed class ServerUrlTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080")]
    [InlineData("http://127.0.0.1:8080/", "http://127.0.0.1:8080")]
    [InlineData(" https://admin.example.org/ ", "https://admin.example.org")]
    [InlineData("https://proxy.example.org/outpost/", "https://proxy.example.org/outpost")]
    [InlineData("HTTP://Host:80/", "http://host")]
    public void Normalize_ValidUrl_DropsTrailingSlashKeepsPrefix(string input, string expected)
    {
        Assert.Equal(expected, ServerUrl.Normalize(input));
    }

    [Theory]
    [InlineData("")]
    [InlineData("127.0.0.1:8080")]
    [InlineData("file:///etc/passwd")]
    [InlineData("http://h/#frag")]
    public void Normalize_InvalidUrl_IsAUsageError(string input)
    {
        var e = Assert.Throws<CliException>(() => ServerUrl.Normalize(input));
        Assert.Equal(ExitCodes.Usage, e.ExitCode);
    }
}
