using System.Runtime.Versioning;

// The virtual devices run the agent's own code, which is Linux only (Unix file modes for the identity files).
[assembly: SupportedOSPlatform("linux")]
