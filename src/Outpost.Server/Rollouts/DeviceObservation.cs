using System.Text.Json;
using Outpost.Protocol;
using Outpost.Protocol.Devices;
using Outpost.Server.Storage;

namespace Outpost.Server.Rollouts;

/// <summary>What a device's row says about a release: updated, failed (with the cause), or not yet known.</summary>
internal static class DeviceObservation
{
    /// <summary>Committed and running it (a device that already ran it before the rollout counts too).</summary>
    public static bool IsUpdated(DeviceRolloutState device, string release) =>
        device.CurrentRelease == release && FailureFor(device, release) is null;

    /// <summary>The cause when the device's latest report on <paramref name="release"/> is RolledBack, Failed or Refused.</summary>
    public static string? FailureFor(DeviceRolloutState device, string release) =>
        Report(device.UpdateJson) is { } report && report.Release == release ? Failure(report) : null;

    /// <summary>The failure of the latest report, whatever its release (canary selection avoids such devices).</summary>
    public static string? ReportedFailure(string? updateJson) => Report(updateJson) is { } report ? Failure(report) : null;

    private static string? Failure(UpdateReport report) =>
        report.State is UpdateState.RolledBack or UpdateState.Failed or UpdateState.Refused
            ? $"{report.State}{(report.Cause is { } cause ? $"/{cause}" : "")}"
            : null;

    private static UpdateReport? Report(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(json, OutpostJsonContext.Default.UpdateReport);
        }
        catch (JsonException)
        {
            // Rows are written by the server from validated reports; an unreadable one says nothing about the release.
            return null;
        }
    }
}
