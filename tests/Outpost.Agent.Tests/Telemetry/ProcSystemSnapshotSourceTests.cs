using Outpost.Agent.Telemetry;
using Outpost.Protocol.Devices;

namespace Outpost.Agent.Tests.Telemetry;

public sealed class ProcSystemSnapshotSourceTests : IDisposable
{
    private const string MemInfo = """
        MemTotal:        8000000 kB
        MemFree:          500000 kB
        MemAvailable:    3000000 kB
        SwapTotal:       2000000 kB
        SwapFree:        1500000 kB
        """;

    private const string Mounts = """
        /dev/mmcblk0p2 / ext4 rw,noatime 0 0
        proc /proc proc rw,nosuid 0 0
        sysfs /sys sysfs rw 0 0
        tmpfs /run tmpfs rw 0 0
        /dev/mmcblk0p1 /boot/firmware vfat rw 0 0
        /dev/sda1 /mnt/my\040data ext4 rw 0 0
        /dev/sda1 /srv/bind ext4 rw 0 0
        /dev/loop3 /snap/core/1 squashfs ro 0 0
        cgroup2 /sys/fs/cgroup cgroup2 rw 0 0
        """;

    private readonly TempDirectory _root = new();
    private readonly List<string> _statted = [];

    [Fact]
    public void Read_CompleteFixture_ParsesEveryField()
    {
        WriteStat(busy: 1000, idle: 9000);
        _root.Write("proc/meminfo", MemInfo);
        _root.Write("proc/loadavg", "0.52 0.34 0.10 1/123 4567\n");
        _root.Write("proc/uptime", "12345.67 40000.00\n");
        _root.Write("proc/mounts", Mounts);
        _root.Write("sys/class/thermal/thermal_zone0/temp", "48500\n");
        _root.Write("sys/class/thermal/thermal_zone1/temp", "61250\n");
        var source = CreateSource();
        WriteStat(busy: 1000 + 250, idle: 9000 + 750);

        var snapshot = source.Read();

        Assert.Equal(25.0, snapshot.CpuPercent);
        Assert.Equal(4, snapshot.CpuCount);
        Assert.Equal(8000000L * 1024, snapshot.MemoryTotalBytes);
        Assert.Equal(3000000L * 1024, snapshot.MemoryAvailableBytes);
        Assert.Equal(2000000L * 1024, snapshot.SwapTotalBytes);
        Assert.Equal(1500000L * 1024, snapshot.SwapFreeBytes);
        Assert.Equal((0.52, 0.34, 0.10), (snapshot.Load1, snapshot.Load5, snapshot.Load15));
        Assert.Equal(12345, snapshot.UptimeSeconds);
        Assert.Equal(61.25, snapshot.TemperatureCelsius);
        Assert.Equal(["/", "/boot/firmware", "/mnt/my data"], snapshot.Disks.Select(d => d.Mount));
        Assert.Equal(["/", "/boot/firmware", "/mnt/my data"], _statted);
    }

    [Fact]
    public void Read_SecondCall_MeasuresCpuSinceThePreviousRead()
    {
        WriteStat(busy: 0, idle: 0);
        var source = CreateSource();
        WriteStat(busy: 100, idle: 100);
        source.Read();
        WriteStat(busy: 190, idle: 110);

        Assert.Equal(90.0, source.Read().CpuPercent);
    }

    [Fact]
    public void Read_CountersWentBackwards_ReportsZeroCpu()
    {
        WriteStat(busy: 5000, idle: 5000);
        var source = CreateSource();
        WriteStat(busy: 10, idle: 10);

        Assert.Equal(0, source.Read().CpuPercent);
    }

    [Fact]
    public void Read_EmptyRoot_ReturnsDefaultsWithoutThrowing()
    {
        var snapshot = CreateSource().Read();

        Assert.Equal(new SystemSnapshot().CpuCount, snapshot.CpuCount);
        Assert.Equal(0, snapshot.MemoryTotalBytes);
        Assert.Null(snapshot.TemperatureCelsius);
        Assert.Empty(snapshot.Disks);
    }

    [Theory]
    [InlineData("\0\u0001\u00ff garbage \n\n:::")]
    [InlineData("cpu  abc def\ncpu0 1 2\nMemTotal: x kB\n")]
    [InlineData("cpu 1 2\n")]
    [InlineData("-1 -2 -3\nNaN Infinity 1e400")]
    [InlineData("MemTotal: 99999999999999999999 kB\nSwapTotal: 9223372036854775807 kB\n")]
    public void Read_GarbledFiles_LeavesFieldsOutInsteadOfThrowing(string garbage)
    {
        foreach (var file in new[] { "proc/stat", "proc/meminfo", "proc/loadavg", "proc/uptime", "proc/mounts" })
        {
            _root.Write(file, garbage);
        }

        _root.Write("sys/class/thermal/thermal_zone0/temp", garbage);
        _root.Write("sys/class/thermal/thermal_zone1/temp", "-273150\n");
        Directory.CreateDirectory(_root.File("sys/class/thermal/thermal_zone2/temp"));

        var snapshot = CreateSource().Read();

        Assert.Equal(0, snapshot.CpuPercent);
        Assert.Equal(0, snapshot.MemoryTotalBytes);
        Assert.Equal(0, snapshot.SwapTotalBytes);
        Assert.Equal(0, snapshot.Load1);
        Assert.Equal(0, snapshot.UptimeSeconds);
        Assert.Null(snapshot.TemperatureCelsius);
        Assert.Empty(snapshot.Disks);
    }

    [Fact]
    public void RealMountPoints_OverlayRoot_IsKeptButOtherOverlaysAreNot()
    {
        var mounts = MountTable.RealMountPoints("""
            overlay / overlay rw,lowerdir=/a 0 0
            overlay /var/lib/docker/overlay2/x/merged overlay rw 0 0
            /dev/nvme0n1p1 /data xfs rw 0 0
            """);

        Assert.Equal(["/", "/data"], mounts);
    }

    [Fact]
    public void RealMountPoints_RootDeviceBindMountedElsewhere_IsReportedOnce()
    {
        var mounts = MountTable.RealMountPoints("""
            /dev/sda2 / ext4 rw 0 0
            /dev/sda2 /var/lib/kubelet ext4 rw 0 0
            """);

        Assert.Equal(["/"], mounts);
    }

    [Fact]
    public void Read_OnThisMachine_ReturnsPlausibleValues()
    {
        var source = new ProcSystemSnapshotSource("/");

        var snapshot = source.Read();

        Assert.True(snapshot.CpuCount >= 1);
        Assert.True(snapshot.MemoryTotalBytes > 0);
        Assert.True(snapshot.UptimeSeconds > 0);
        Assert.InRange(snapshot.CpuPercent, 0, 100);
    }

    public void Dispose() => _root.Dispose();

    private ProcSystemSnapshotSource CreateSource() => new(_root.Path, mount =>
    {
        _statted.Add(mount);
        return new DiskUsage { Mount = mount, TotalBytes = 1000, FreeBytes = 400 };
    });

    // Four CPUs; the aggregate line splits busy time over user/system and idle over idle/iowait.
    private void WriteStat(ulong busy, ulong idle) => _root.Write("proc/stat", $"""
        cpu  {busy / 2} 0 {busy - (busy / 2)} {idle - (idle / 10)} {idle / 10} 0 0 0 0 0
        cpu0 1 0 1 1 0 0 0 0 0 0
        cpu1 1 0 1 1 0 0 0 0 0 0
        cpu2 1 0 1 1 0 0 0 0 0 0
        cpu3 1 0 1 1 0 0 0 0 0 0
        intr 12345
        ctxt 999
        """);
}
