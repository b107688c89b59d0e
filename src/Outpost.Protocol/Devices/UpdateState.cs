namespace Outpost.Protocol.Devices;

/// <summary>
/// Where an agent is with its desired release. The happy path runs Downloading → Verifying → Verified → Installing →
/// HealthCheck → Committed. RolledBack = the release was installed, failed its health window (or could not be
/// switched to), and the device is back on its previous release. Refused = verification said no; Failed = could not
/// finish (network, disk) and will be retried.
/// </summary>
public enum UpdateState
{
    Downloading,
    Verifying,
    Verified,
    Installing,
    HealthCheck,
    Committed,
    RolledBack,
    Refused,
    Failed,
}
