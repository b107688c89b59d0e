using Outpost.Agent.Telemetry;

namespace Outpost.Agent.Tests.Telemetry;

public sealed class ProcCountersTests
{
    [Fact]
    public void Cpu_ParsesAggregateLine()
    {
        const string stat = "cpu  100 0 50 800 50 0 0 0 0 0\ncpu0 50 0 25 400 25 0 0 0 0 0\nintr 1 2 3\n";

        Assert.Equal(new CpuTimes(150, 1000), ProcCounters.Cpu(stat));
        Assert.Null(ProcCounters.Cpu("cpu  x y z"));
    }

    [Fact]
    public void Memory_ReadsKibibytes()
    {
        const string meminfo = "MemTotal:        2048 kB\nMemFree:  10 kB\nMemAvailable:    1024 kB\nSwapTotal:  512 kB\nSwapFree:  256 kB\n";

        Assert.Equal(new MemoryCounters(2048 * 1024, 1024 * 1024, 512 * 1024, 256 * 1024), ProcCounters.Memory(meminfo));
    }

    [Fact]
    public void Swap_ReadsPswpinAndPswpout()
    {
        Assert.Equal((12UL, 34UL), ProcCounters.Swap("nr_free_pages 5\npswpin 12\npswpout 34\npgfault 9\n"));
        Assert.Null(ProcCounters.Swap("pswpin 12\n"));
    }

    [Fact]
    public void DiskBytes_CountsWholeDisksOnly()
    {
        const string diskstats = """
               8       0 sda 100 0 2000 0 50 0 4000 0 0 0 0 0 0 0 0 0 0
               8       1 sda1 90 0 1800 0 40 0 3000 0 0 0 0 0 0 0 0 0 0
             179       0 mmcblk0 10 0 20 0 5 0 40 0 0 0 0
             179       1 mmcblk0p1 10 0 20 0 5 0 40 0 0 0 0
               7       0 loop0 999 0 999 0 0 0 0 0 0 0 0
             253       0 dm-0 999 0 999 0 999 0 999 0 0 0 0
            """;

        var disks = ProcCounters.WholeDisks(diskstats);

        Assert.Equal(["mmcblk0", "sda"], disks.Order(StringComparer.Ordinal));
        Assert.Equal(((2000UL + 20) * 512, (4000UL + 40) * 512), ProcCounters.DiskBytes(diskstats, disks));
    }

    [Fact]
    public void Network_SumsInterfacesExceptLoopback()
    {
        const string netdev = """
            Inter-|   Receive                                                |  Transmit
             face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
                lo: 9999 10 0 0 0 0 0 0 9999 10 0 0 0 0 0 0
              eth0: 1000 10 2 0 0 0 0 0 500 5 3 0 0 0 0 0
             wlan0:200 1 0 0 0 0 0 0 100 1 1 0 0 0 0 0
            """;

        Assert.Equal((1200UL, 600UL, 6UL), ProcCounters.Network(netdev));
    }

    [Fact]
    public void ResidentBytes_AndUptime()
    {
        Assert.Equal(12345L * 1024, ProcCounters.ResidentBytes("Name:\toutpost-agent\nVmPeak:\t 99999 kB\nVmRSS:\t   12345 kB\n"));
        Assert.Null(ProcCounters.ResidentBytes("Name: x\n"));
        Assert.Equal(3600.5, ProcCounters.Uptime("3600.50 7000.00\n"));
        Assert.Null(ProcCounters.Uptime("garbage"));
    }
}
