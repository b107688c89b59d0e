using System.Runtime.Versioning;

// Outpost.Sim runs the agent's code, which is Linux only.
[assembly: SupportedOSPlatform("linux")]
