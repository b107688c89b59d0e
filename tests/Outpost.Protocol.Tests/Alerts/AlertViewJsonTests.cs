using System.Text.Json;
using Outpost.Protocol.Alerts;

namespace Outpost.Protocol.Tests.Alerts;

public sealed class AlertViewJsonTests
{
    [Fact]
    public void AlertList_RoundTrips_WithCamelCaseNamesAndStringState()
    {
        var at = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
        var list = new AlertList
        {
            Items =
            [
                new AlertView
                {
                    Id = "alr-1", Rule = "disk-full", Fingerprint = "disk-full:device=d,mount=/,site=s", State = AlertState.Resolved,
                    Severity = "critical", DeviceId = "d", Labels = new Dictionary<string, string> { ["mount"] = "/" },
                    Summary = "Disk / is 95% full", RunbookUrl = "http://x/v1/runbooks/disk-full.md",
                    StartedAt = at, ResolvedAt = at.AddMinutes(5), LastEvaluatedAt = at.AddMinutes(5),
                },
            ],
        };

        var json = JsonSerializer.Serialize(list, OutpostJsonContext.Default.AlertList);

        Assert.Contains("\"state\":\"Resolved\"", json, StringComparison.Ordinal);
        Assert.Contains("\"runbookUrl\":\"http://x/v1/runbooks/disk-full.md\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"description\"", json, StringComparison.Ordinal);
        var back = JsonSerializer.Deserialize(json, OutpostJsonContext.Default.AlertList)!.Items.Single();
        Assert.Equal("/", back.Labels["mount"]);
        Assert.Equal(at.AddMinutes(5), back.ResolvedAt);
    }

    [Fact]
    public void AlertView_OmittedLabels_IsEmptyNotNull()
    {
        var view = JsonSerializer.Deserialize(
            "{\"id\":\"a\",\"rule\":\"r\",\"fingerprint\":\"f\",\"state\":\"Firing\",\"severity\":\"warning\",\"summary\":\"s\"," +
            "\"runbookUrl\":\"u\",\"startedAt\":\"2026-11-29T12:00:00Z\",\"lastEvaluatedAt\":\"2026-11-29T12:00:00Z\"}",
            OutpostJsonContext.Default.AlertView)!;

        Assert.NotNull(view.Labels);
        Assert.Empty(view.Labels);
    }
}
