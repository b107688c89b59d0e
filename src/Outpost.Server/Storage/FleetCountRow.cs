namespace Outpost.Server.Storage;

/// <summary>Devices of one (site, current release) pair.</summary>
internal sealed record FleetCountRow(string Site, string? CurrentRelease, int Total, int Online, int Revoked)
{
    public int Offline => Total - Online - Revoked;
}
