namespace Outpost.Protocol.Devices;

public sealed record DiskUsage
{
    public required string Mount { get; init; }

    public long TotalBytes { get; init; }

    public long FreeBytes { get; init; }
}
