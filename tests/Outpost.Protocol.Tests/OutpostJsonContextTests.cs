using System.Text.Json;
using Outpost.Protocol.Devices;

namespace Outpost.Protocol.Tests;

public sealed class OutpostJsonContextTests
{
    [Fact]
    public void CheckInRequest_RoundTrips_WithCamelCaseNames()
    {
        var request = new CheckInRequest
        {
            AgentVersion = "1.2.3",
            DeviceClass = "rpi4",
            System = new SystemSnapshot { CpuPercent = 12.5, Disks = [new DiskUsage { Mount = "/", TotalBytes = 10, FreeBytes = 4 }] },
        };
        var json = JsonSerializer.Serialize(request, OutpostJsonContext.Default.CheckInRequest);
        Assert.Contains("\"agentVersion\":\"1.2.3\"", json, StringComparison.Ordinal);
        var back = JsonSerializer.Deserialize(json, OutpostJsonContext.Default.CheckInRequest);
        Assert.Equal("rpi4", back!.DeviceClass);
        Assert.Equal(4, back.System.Disks[0].FreeBytes);
    }

    [Fact]
    public void CheckInRequest_MissingRequiredField_Throws()
    {
        Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize("{\"agentVersion\":\"1\"}", OutpostJsonContext.Default.CheckInRequest));
    }

    [Fact]
    public void CreateEnrollmentTokenRequest_OmittedOptionalFields_KeepTheirDefaults()
    {
        var request = JsonSerializer.Deserialize("{\"site\":\"berlin\"}", OutpostJsonContext.Default.CreateEnrollmentTokenRequest)!;
        Assert.Equal(1, request.MaxUses);
        Assert.Equal(86_400, request.ValidForSeconds);
        Assert.NotNull(request.Tags);
        Assert.Empty(request.Tags);
    }

    [Fact]
    public void SystemSnapshot_OmittedDisks_IsEmptyNotNull()
    {
        var snapshot = JsonSerializer.Deserialize("{\"cpuPercent\":1}", OutpostJsonContext.Default.SystemSnapshot)!;
        Assert.NotNull(snapshot.Disks);
    }
}
