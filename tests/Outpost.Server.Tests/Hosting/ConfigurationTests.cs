using Microsoft.Extensions.Options;
using Outpost.Server.Tests.Harness;

namespace Outpost.Server.Tests.Hosting;

public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("Outpost:DeviceApi:Url", "http://127.0.0.1:0")]
    [InlineData("Outpost:AdminApi:Url", "http://example.org:80")]
    [InlineData("Outpost:Storage:Provider", "mysql")]
    [InlineData("Outpost:Devices:CheckInInterval", "00:00:00")]
    public async Task Start_InvalidSetting_FailsNamingTheKey(string key, string value)
    {
        var error = await Record.ExceptionAsync(() => OutpostTestServer.StartAsync(settings: new Dictionary<string, string?> { [key] = value }));

        var validation = Assert.IsType<OptionsValidationException>(error);
        Assert.Contains(key, validation.Message, StringComparison.Ordinal);
    }
}
