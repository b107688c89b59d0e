using Outpost.Protocol.Devices;

namespace Outpost.Agent.Telemetry;

/// <summary>Takes a system snapshot for a check-in. Must never throw: a field it cannot read is left at its default.</summary>
internal interface ISystemSnapshotSource
{
    SystemSnapshot Read();
}
