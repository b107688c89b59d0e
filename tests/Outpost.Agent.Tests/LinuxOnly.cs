using System.Runtime.Versioning;

// The agent reads /proc and /sys and relies on Unix file modes; its tests run on Linux only.
[assembly: SupportedOSPlatform("linux")]
