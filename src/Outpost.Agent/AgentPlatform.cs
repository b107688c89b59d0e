using System.Runtime.Versioning;

// The agent reads /proc and /sys, relies on Unix file modes and ships as a systemd service: Linux only.
[assembly: SupportedOSPlatform("linux")]
