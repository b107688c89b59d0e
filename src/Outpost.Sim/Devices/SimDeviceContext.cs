using System.Security.Cryptography.X509Certificates;
using Outpost.Sim.Reporting;
using Outpost.Sim.Scenarios;

namespace Outpost.Sim.Devices;

/// <summary>What every device of a fleet shares.</summary>
internal sealed record SimDeviceContext(
    SimScenario Scenario,
    Uri DeviceApi,
    X509Certificate2 Ca,
    TimeProvider Time,
    SimStats Stats,
    bool Jitter,
    TimeSpan InitialInterval,
    TimeSpan BackoffBase,
    TimeSpan RequestTimeout,
    Func<int, DateTimeOffset, bool> IsPartitioned);
