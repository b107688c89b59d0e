using Outpost.Protocol.Admin;
using Outpost.Protocol.Devices;

namespace Outpost.Cli.Tests;

/// <summary>Canned protocol records, all relative to one fixed <see cref="Now"/> that the tests' fake clock shows.</summary>
internal static class StubData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 1, 0, 0, TimeSpan.Zero);

    private const long GiB = 1L << 30;

    public static IEnumerable<DeviceView> Devices()
    {
        yield return new DeviceView
        {
            Id = "dev-berlin-01",
            Hostname = "cam-gate-1",
            Site = "berlin",
            Tags = ["camera", "gpu"],
            Status = DeviceStatus.Online,
            DeviceClass = "jetson-orin",
            AgentVersion = "0.1.0",
            EnrolledAt = Now.AddDays(-3),
            LastSeenAt = Now.AddSeconds(-12),
            CertificateNotAfter = Now.AddDays(27),
            CertificateSerial = "0A1B2C",
            System = new SystemSnapshot
            {
                CpuPercent = 37.25,
                CpuCount = 6,
                MemoryTotalBytes = 8 * GiB,
                MemoryAvailableBytes = 6 * GiB,
                SwapTotalBytes = 2 * GiB,
                SwapFreeBytes = 2 * GiB - (512L << 20),
                Load1 = 1.5,
                Load5 = 0.75,
                Load15 = 0.25,
                UptimeSeconds = (3 * 86_400) + (4 * 3_600) + 60,
                TemperatureCelsius = 51.5,
                Disks = [new DiskUsage { Mount = "/", TotalBytes = 64 * GiB, FreeBytes = 16 * GiB }, new DiskUsage { Mount = "/data", TotalBytes = 512 * GiB, FreeBytes = 500 * GiB }],
            },
        };
        yield return new DeviceView
        {
            Id = "dev-lyon-07",
            Site = "lyon",
            Status = DeviceStatus.Offline,
            DeviceClass = "rpi4",
            AgentVersion = "0.1.0",
            EnrolledAt = Now.AddDays(-40),
            LastSeenAt = Now.AddHours(-5),
            CertificateNotAfter = Now.AddDays(-1),
        };
    }

    public static IEnumerable<EnrollmentTokenView> EnrollmentTokens()
    {
        yield return new EnrollmentTokenView
        {
            Id = "et-1",
            Site = "berlin",
            Tags = ["camera"],
            MaxUses = 5,
            Uses = 2,
            CreatedAt = Now.AddHours(-2),
            ExpiresAt = Now.AddHours(22),
        };
        yield return new EnrollmentTokenView
        {
            Id = "et-2",
            Site = "lyon",
            MaxUses = 1,
            Uses = 0,
            CreatedAt = Now.AddDays(-2),
            ExpiresAt = Now.AddDays(-1),
        };
    }
}
