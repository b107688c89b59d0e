using System.Security.Cryptography.X509Certificates;
using Outpost.Agent.Identity;

namespace Outpost.Sim.Devices;

/// <summary>An enrolled virtual device: its agent data folder (the agent's own layout) and loaded certificate.</summary>
internal sealed record SimIdentity(string Site, int IndexInSite, string DeviceId, IdentityStore Store, X509Certificate2 Certificate);
