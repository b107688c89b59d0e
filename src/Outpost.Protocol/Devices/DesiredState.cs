namespace Outpost.Protocol.Devices;

/// <summary>What the device should run. Empty until releases exist (TUF issue).</summary>
public sealed record DesiredState
{
    public static DesiredState Empty { get; } = new();

    /// <summary>Release the device should run, or null for "keep what you have".</summary>
    public string? ReleaseId { get; init; }
}
