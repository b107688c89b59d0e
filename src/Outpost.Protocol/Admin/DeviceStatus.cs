namespace Outpost.Protocol.Admin;

/// <summary>Derived from the last check-in against the check-in interval, or from revocation.</summary>
public enum DeviceStatus
{
    Online,
    Offline,
    Revoked,
}
