namespace Outpost.Server.Admin;

/// <summary>Configuration section <c>Outpost:Bootstrap</c>.</summary>
internal sealed class BootstrapOptions
{
    public const string Section = "Outpost:Bootstrap";

    /// <summary>When set, the initial admin token is also written to this file (mode 0600) on the first start of a data folder.</summary>
    public string? AdminTokenFile { get; set; }
}
