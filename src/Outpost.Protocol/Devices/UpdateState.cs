namespace Outpost.Protocol.Devices;

/// <summary>Where an agent is with its desired release. Refused = verification said no; Failed = could not finish (network, disk).</summary>
public enum UpdateState
{
    Downloading,
    Verifying,
    Verified,
    Refused,
    Failed,
}
