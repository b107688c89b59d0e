using Outpost.EndToEnd.Infrastructure;

namespace Outpost.EndToEnd.Telemetry;

/// <summary>
/// One enrolled device and a server on fixed ports, so the server can be stopped, killed and started again at the
/// same address the agent enrolled against. The agent uploads often so the drills hit uploads in flight.
/// </summary>
internal sealed class DrillRig : IAsyncDisposable
{
    public const string EventName = "drill.tick";

    private static readonly string[] ServerArgs = ["--Outpost:Telemetry:MaxEventsPerDevice=10000000", "--Logging:LogLevel:Default=Warning"];

    private DrillRig(TempFolder temp, int devicePort, int adminPort, ServerProcess server, string adminToken)
    {
        Temp = temp;
        DevicePort = devicePort;
        AdminPort = adminPort;
        Server = server;
        AdminToken = adminToken;
    }

    public static string[] FastUploads { get; } =
        ["--telemetry-upload-interval", "00:00:00.100", "--telemetry-backoff-max", "00:00:00.200", "--check-in-interval", "00:01:00"];

    public TempFolder Temp { get; }

    public int DevicePort { get; }

    public int AdminPort { get; }

    public ServerProcess? Server { get; private set; }

    public string AdminToken { get; }

    public string AgentDirectory => Temp.Sub("agent");

    public string Socket => Path.Combine(AgentDirectory, "agent.sock");

    public static async Task<DrillRig> StartAsync()
    {
        var temp = new TempFolder();
        var devicePort = ServerProcess.FreePort();
        var adminPort = ServerProcess.FreePort();
        var server = await ServerProcess.StartAsync(temp.Sub("server"), devicePort, adminPort, extra: ServerArgs);
        var rig = new DrillRig(temp, devicePort, adminPort, server, server.InitialAdminToken!);
        using var admin = server.AdminClient(rig.AdminToken);
        var token = await Fleet.CreateEnrollmentTokenAsync(admin, "drills", 1);
        var enroll = await AgentProcess.EnrollAsync(server, token, rig.AgentDirectory);
        Assert.True(enroll.ExitCode == 0, enroll.Output);
        return rig;
    }

    public ServerProcess Running => Server ?? throw new InvalidOperationException("the server is stopped");

    /// <summary>SIGTERM: a clean stop (the link is cut).</summary>
    public async Task StopServerAsync()
    {
        Running.AssertNoErrorsLogged();
        Assert.Equal(0, await Running.StopAsync());
        Server = null;
    }

    /// <summary>SIGKILL: the server dies with batches in flight, transactions open.</summary>
    public async Task KillServerAsync()
    {
        Running.Process.Kill();
        await Running.DisposeAsync();
        Server = null;
    }

    public async Task StartServerAsync() =>
        Server = await ServerProcess.StartAsync(Temp.Sub("server"), DevicePort, AdminPort, extra: ServerArgs);

    public ChildProcess RunAgent(params string[] extra) => AgentProcess.Run(AgentDirectory, [.. FastUploads, .. extra]);

    /// <summary>Polls the server's database until every acknowledged n is stored; returns what is stored.</summary>
    public async Task<List<(long Sequence, long N)>> WaitForEventsAsync(IReadOnlyCollection<long> acknowledged, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        List<(long Sequence, long N)> stored = [];
        while (DateTime.UtcNow < deadline)
        {
            stored = await StoredTelemetry.EventsAsync(Running, EventName);
            var have = stored.Select(s => s.N).ToHashSet();
            if (acknowledged.All(have.Contains))
            {
                return stored;
            }

            await Task.Delay(100);
        }

        var missing = acknowledged.Except(stored.Select(s => s.N)).Take(20);
        throw new TimeoutException($"acknowledged events never reached the server, e.g. n = {string.Join(", ", missing)} ({stored.Count} stored)");
    }

    /// <summary>Exactly once, in order: no n twice, every acknowledged n present, nothing never attempted, n rising with sequence.</summary>
    public static void AssertExactlyOnceInOrder(List<(long Sequence, long N)> stored, IReadOnlyCollection<long> acknowledged, long attempted)
    {
        var ns = stored.Select(s => s.N).ToList();
        var duplicates = ns.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).Take(20).ToList();
        Assert.True(duplicates.Count == 0, $"stored twice: n = {string.Join(", ", duplicates)}");
        var missing = acknowledged.Except(ns).Take(20).ToList();
        Assert.True(missing.Count == 0, $"acknowledged but not stored: n = {string.Join(", ", missing)}");
        Assert.All(ns, n => Assert.InRange(n, 0, attempted - 1));
        for (var i = 1; i < ns.Count; i++)
        {
            Assert.True(ns[i - 1] < ns[i], $"out of order at sequence {stored[i].Sequence}: n {ns[i - 1]} then {ns[i]}");
        }
    }

    /// <summary>Appends a line to the file named by OUTPOST_DRILL_RESULT (the benchmark scripts read it).</summary>
    public static void Report(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        if (Environment.GetEnvironmentVariable("OUTPOST_DRILL_RESULT") is { Length: > 0 } path)
        {
            File.AppendAllText(path, line + Environment.NewLine);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        Temp.Dispose();
    }
}
