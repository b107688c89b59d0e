namespace Outpost.Cli.Advise.Catalog;

/// <summary>The embedded device-class catalog (device-catalog.json, documented in docs/advise/device-catalog.md).</summary>
internal sealed record DeviceCatalog
{
    public string Description { get; init; } = string.Empty;
    public IReadOnlyList<DeviceClass> Devices { get; init; } = [];

    public DeviceClass? Find(string id) =>
        Devices.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase));
}
