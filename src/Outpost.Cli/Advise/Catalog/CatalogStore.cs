using System.Text.Json;

namespace Outpost.Cli.Advise.Catalog;

/// <summary>Loads the catalog embedded in the assembly once.</summary>
internal static class CatalogStore
{
    private static readonly Lazy<DeviceCatalog> Embedded = new(Load);

    public static DeviceCatalog Default => Embedded.Value;

    private static DeviceCatalog Load()
    {
        using var stream = typeof(CatalogStore).Assembly.GetManifestResourceStream("Outpost.Cli.Advise.device-catalog.json")
            ?? throw new InvalidOperationException("device-catalog.json is not embedded in the assembly");
        return JsonSerializer.Deserialize(stream, AdviseJsonContext.Default.DeviceCatalog)
            ?? throw new InvalidOperationException("device-catalog.json is empty");
    }
}
