namespace Outpost.Cli.Config;

/// <summary>Where and as whom to call the admin API, after flags, environment and config file were merged.</summary>
internal sealed record ConnectionSettings
{
    /// <summary>Normalized by <see cref="ServerUrl.Normalize"/>.</summary>
    public required string Server { get; init; }

    public required string Token { get; init; }

    public string? CaFile { get; init; }
}
