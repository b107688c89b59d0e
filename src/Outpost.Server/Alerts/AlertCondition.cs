namespace Outpost.Server.Alerts;

/// <summary>
/// A rule's condition holding for one subject. <paramref name="Labels"/> identify the subject (device, mount,
/// rollout...): together with the rule name they make the fingerprint, so they must not carry changing values.
/// </summary>
internal sealed record AlertCondition(
    string? DeviceId, IReadOnlyDictionary<string, string> Labels, string Summary, string? Description = null)
{
    /// <summary>The subject part of the fingerprint: labels sorted by name.</summary>
    public string Subject => string.Join(',', Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));

    /// <summary>A device's subject labels: device and site.</summary>
    public static Dictionary<string, string> DeviceLabels(AlertDevice device) =>
        new(StringComparer.Ordinal) { ["device"] = device.Id, ["site"] = device.Site };
}
