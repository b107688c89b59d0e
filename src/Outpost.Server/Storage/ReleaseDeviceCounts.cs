namespace Outpost.Server.Storage;

internal sealed record ReleaseDeviceCounts(int Running, int Desired);
