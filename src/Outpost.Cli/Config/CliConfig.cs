namespace Outpost.Cli.Config;

/// <summary>What <c>outpost login</c> stores: config.json in the user's config folder, mode 0600 (it holds a token).</summary>
internal sealed record CliConfig
{
    public string? Server { get; init; }

    public string? Token { get; init; }

    /// <summary>Absolute path of a private CA (PEM) trusted for an https admin URL.</summary>
    public string? CaFile { get; init; }
}
