using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Outpost.EndToEnd.Infrastructure;

namespace Outpost.EndToEnd.Telemetry;

/// <summary>
/// The engine of benchmarks/telemetry-resync.sh, skipped unless OUTPOST_RESYNC_EVENTS is set: N events wait in the
/// agent's outbox while the device is cut off (written straight into outbox.db, since the local API limits workloads
/// to 50 events/s); the agent comes back; the time until the (warm) server has stored all N gives the resync rate.
/// </summary>
public sealed class ResyncBenchmarkTests
{
    [Fact]
    public async Task ResyncAfterOutage_EventsPerSecond()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("OUTPOST_RESYNC_EVENTS"), CultureInfo.InvariantCulture, out var count))
        {
            Assert.Skip("set OUTPOST_RESYNC_EVENTS=N to run the resync benchmark (benchmarks/telemetry-resync.sh)");
        }

        // The outage is the device's: the server stays up (and warm, as a server that has been ingesting is), the
        // device queues N events while it cannot reach it, then comes back (agent started) and resyncs.
        await using var rig = await DrillRig.StartAsync();
        using var api = new LocalApiClient(rig.Socket);
        var outbox = Path.Combine(rig.AgentDirectory, "outbox.db");
        await using (var first = rig.RunAgent())
        {
            await api.WaitUntilUpAsync(TimeSpan.FromSeconds(60), first); // creates outbox.db
            Assert.Equal(0, await first.StopAsync(TimeSpan.FromSeconds(15)));
        }

        // Warm-up: the server's ingest path compiled and tiered up, as after minutes of normal traffic.
        var (_, warmThrough) = Fill(outbox, Math.Min(20_000, count));
        await using (var warm = AgentProcess.Run(rig.AgentDirectory, "--telemetry-upload-interval", "00:00:00.100"))
        {
            await WaitStoredAsync(rig, warmThrough, Stopwatch.StartNew());
            Assert.Equal(0, await warm.StopAsync(TimeSpan.FromSeconds(30)));
        }

        var (from, through) = Fill(outbox, count);
        var serverCpu = CpuSeconds(rig.Running.Process.Id);
        var clock = Stopwatch.StartNew();
        await using var agent = AgentProcess.Run(rig.AgentDirectory,
            "--telemetry-upload-interval", "00:00:00.100", "--telemetry-backoff-max", "00:00:00.050");
        await WaitStoredAsync(rig, through, clock);
        var elapsed = clock.Elapsed;

        // CPU time of each side over the resync says where the cost is, even on a busy machine (wall time does not).
        var agentCpu = CpuSeconds(agent.Id);
        serverCpu = CpuSeconds(rig.Running.Process.Id) - serverCpu;
        var stored = (await StoredTelemetry.EventsAsync(rig.Running, DrillRig.EventName)).Count;
        Assert.Equal(count + Math.Min(20_000, count), stored);
        var binary = Binaries.AgentCommand.FileName == "dotnet" ? "JIT agent" : "AOT agent";
        DrillRig.Report(string.Create(CultureInfo.InvariantCulture,
            $"resync ({binary}, warm server): {count} events (sequences {from}-{through}) stored {elapsed.TotalSeconds:F2} s after the agent started = {count / elapsed.TotalSeconds:F0} events/s; CPU: agent {agentCpu:F2} s = {1e6 * agentCpu / count:F1} µs/event (including its start), server {serverCpu:F2} s = {1e6 * serverCpu / count:F1} µs/event"));
        Assert.Equal(0, await agent.StopAsync(TimeSpan.FromSeconds(30)));
        rig.Running.AssertNoErrorsLogged();
    }

    private static async Task WaitStoredAsync(DrillRig rig, long through, Stopwatch clock)
    {
        while (await StoredTelemetry.StoredThroughAsync(rig.Running, "events") < through)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(10), "resync did not finish in 10 minutes");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>User + system CPU seconds of a process so far (/proc/PID/stat fields 14 and 15, in clock ticks of 1/100 s).</summary>
    private static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>Appends events to the stopped agent's outbox in its own format (see the agent's RecordBody).</summary>
    private static (long From, long Through) Fill(string outbox, int count)
    {
        using var db = new SqliteConnection($"Data Source={outbox};Pooling=False");
        db.Open();
        using var transaction = db.BeginTransaction();
        using var next = db.CreateCommand();
        next.CommandText = "SELECT next_sequence FROM channels WHERE channel = 0";
        var from = Convert.ToInt64(next.ExecuteScalar(), CultureInfo.InvariantCulture);
        using var insert = db.CreateCommand();
        insert.CommandText = "INSERT INTO records (channel, sequence, enqueued, body) VALUES (0, $s, $e, $b)";
        var sequence = insert.Parameters.Add("$s", SqliteType.Integer);
        insert.Parameters.AddWithValue("$e", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var body = insert.Parameters.Add("$b", SqliteType.Blob);
        var at = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        for (var i = 0; i < count; i++)
        {
            sequence.Value = from + i;
            body.Value = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
                $$$"""
                "at":"{{{at}}}","name":"{{{DrillRig.EventName}}}","level":"info","attributes":{"n":"{{{i}}}"}}
                """));
            insert.ExecuteNonQuery();
        }

        using var advance = db.CreateCommand();
        advance.CommandText = "UPDATE channels SET next_sequence = $n WHERE channel = 0";
        advance.Parameters.AddWithValue("$n", from + count);
        advance.ExecuteNonQuery();
        transaction.Commit();
        return (from, from + count - 1);
    }
}
