using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Outpost.EndToEnd.Infrastructure;
using Outpost.Protocol;
using Outpost.Protocol.Telemetry;

namespace Outpost.EndToEnd.Telemetry;

/// <summary>
/// Issue 6 faults with real processes: a workload writes events through the agent's local API (Unix socket) while
/// the link is cut, the server is killed, or the agent is SIGKILLed; the server's database must then hold every event
/// the local API acknowledged exactly once, in order.
/// </summary>
public sealed class TelemetryDrillTests
{
    [Fact]
    public async Task OutageThenServerKilledMidIngest_EveryEventArrivesExactlyOnceInOrder()
    {
        await using var rig = await DrillRig.StartAsync();
        await using var agent = rig.RunAgent();
        using var api = new LocalApiClient(rig.Socket);
        await api.WaitUntilUpAsync(TimeSpan.FromSeconds(60), agent);

        // The workload: 20 events/s (under the local API's 50/s limit), one at a time, each numbered.
        var acknowledged = new List<long>();
        long attempted = 0;
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var n = attempted++;
                if (await api.TryPostEventAsync(DrillRig.EventName, n, TestContext.Current.CancellationToken))
                {
                    acknowledged.Add(n);
                }

                await Task.Delay(50, CancellationToken.None);
            }
        }, TestContext.Current.CancellationToken);

        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        await rig.StopServerAsync();                  // the link is cut
        await Task.Delay(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        await rig.StartServerAsync();                 // and returns: the backlog resyncs while new events flow
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        await rig.KillServerAsync();                  // SIGKILL mid-ingest
        await rig.StartServerAsync();
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        await stop.CancelAsync();
        await writer;

        Assert.Equal(attempted, acknowledged.Count); // the agent stayed up: the workload never lost an append
        Assert.True(attempted > 100, $"only {attempted} events written");
        var stored = await rig.WaitForEventsAsync(acknowledged, TimeSpan.FromSeconds(90));
        DrillRig.AssertExactlyOnceInOrder(stored, acknowledged, attempted);
        Assert.Equal(acknowledged.Count, stored.Count);
        Assert.Equal(0, await agent.StopAsync(TimeSpan.FromSeconds(15)));
        rig.Running.AssertNoErrorsLogged();
    }

    /// <summary>
    /// SIGKILL of the agent, repeated (OUTPOST_DRILL_AGENT_KILLS, default 100 when CI=true, else 10): between kills
    /// the workload appends events, the last one racing the kill, while uploads run every 100 ms.
    /// </summary>
    [Fact]
    public async Task AgentSigkilledRepeatedlyMidUpload_NoAcknowledgedEventLostNoneDuplicated()
    {
        var kills = int.TryParse(Environment.GetEnvironmentVariable("OUTPOST_DRILL_AGENT_KILLS"), CultureInfo.InvariantCulture, out var k)
            ? k
            : Environment.GetEnvironmentVariable("CI") == "true" ? 100 : 10;
        await using var rig = await DrillRig.StartAsync();
        using var api = new LocalApiClient(rig.Socket);
        var acknowledged = new List<long>();
        long attempted = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < kills; i++)
        {
            await using var agent = rig.RunAgent();
            await api.WaitUntilUpAsync(TimeSpan.FromSeconds(60), agent);
            for (var j = 0; j < 5; j++)
            {
                var n = attempted++;
                if (await api.TryPostEventAsync(DrillRig.EventName, n, TestContext.Current.CancellationToken))
                {
                    acknowledged.Add(n);
                }
            }

            // Land the kill before, during or after the upload of these events, with one more append racing it.
            await Task.Delay(Random.Shared.Next(0, 250), TestContext.Current.CancellationToken);
            var last = attempted++;
            var racing = api.TryPostEventAsync(DrillRig.EventName, last, TestContext.Current.CancellationToken);
            await Task.Delay(Random.Shared.Next(0, 3), TestContext.Current.CancellationToken);
            agent.Kill();
            if (await racing)
            {
                acknowledged.Add(last);
            }
        }

        var killed = clock.Elapsed;
        await using var survivor = rig.RunAgent();
        // Up before anything else: the killed agents may have uploaded everything already, and a SIGTERM that
        // arrives before the host installed its handler ends the process with 143 instead of a clean stop.
        await api.WaitUntilUpAsync(TimeSpan.FromSeconds(60), survivor);
        var stored = await rig.WaitForEventsAsync(acknowledged, TimeSpan.FromSeconds(120));
        DrillRig.AssertExactlyOnceInOrder(stored, acknowledged, attempted);
        Assert.True(acknowledged.Count >= kills * 5, $"only {acknowledged.Count} of {attempted} appends acknowledged");
        DrillRig.Report(string.Create(CultureInfo.InvariantCulture,
            $"agent-kill drill: {kills} SIGKILLs in {killed.TotalSeconds:F1} s ({killed.TotalMilliseconds / kills:F0} ms per kill cycle); {attempted} appends, {acknowledged.Count} acknowledged, {stored.Count} stored, 0 lost, 0 duplicated"));
        Assert.Equal(0, await survivor.StopAsync(TimeSpan.FromSeconds(15)));
        rig.Running.AssertNoErrorsLogged();
    }

    [Fact]
    public async Task LongOutagePastQuota_LogsThenOldMetricsDropped_EventsKept_DropsVisibleAfterResync()
    {
        await using var rig = await DrillRig.StartAsync();
        using var admin = rig.Running.AdminClient(rig.AdminToken);
        var deviceId = (await Fleet.DevicesAsync(admin))[0].Id;
        await rig.StopServerAsync();

        // System metrics every 100 ms, one window each: about 20 KB/s of metric records against a 40 KB outbox.
        await using var agent = rig.RunAgent("--outbox-max-bytes", "40000",
            "--telemetry-sample-interval", "00:00:00.100", "--telemetry-aggregation-window", "00:00:00.100");
        using var api = new LocalApiClient(rig.Socket);
        await api.WaitUntilUpAsync(TimeSpan.FromSeconds(60), agent);
        var acknowledged = new List<long>();
        for (var n = 0; n < 100; n++)
        {
            Assert.True(await api.TryPostEventAsync(DrillRig.EventName, n, TestContext.Current.CancellationToken), $"event {n} refused");
            acknowledged.Add(n);
        }

        for (var n = 0; n < 40; n++)
        {
            Assert.Equal(202, await api.PostLogAsync("drill log line " + n.ToString(CultureInfo.InvariantCulture), TestContext.Current.CancellationToken));
        }

        await Task.Delay(TimeSpan.FromSeconds(6), TestContext.Current.CancellationToken); // metrics keep coming: the outbox is over its quota for seconds
        await rig.StartServerAsync();

        var stored = await rig.WaitForEventsAsync(acknowledged, TimeSpan.FromSeconds(90));
        DrillRig.AssertExactlyOnceInOrder(stored, acknowledged, 100);
        // Drops travel with a channel's batches; every log line was dropped, so one fresh line (sent once the
        // backlog is gone, or it would be the first thing dropped again) carries the count.
        Assert.Equal(202, await api.PostLogAsync("after the outage", TestContext.Current.CancellationToken));
        using var admin2 = rig.Running.AdminClient(rig.AdminToken);
        var streams = await WaitForStreamsAsync(admin2, deviceId);
        var events = streams.Single(s => s.Stream == TelemetryChannel.Events);
        var metrics = streams.Single(s => s.Stream == TelemetryChannel.Metrics);
        var logs = streams.SingleOrDefault(s => s.Stream == TelemetryChannel.Logs)
            ?? throw new InvalidOperationException("no logs stream at the server: " + string.Join("; ", streams));
        Assert.Equal(0, events.Drops.Records);
        Assert.True(metrics.Drops.Records > 0 && metrics.Drops.Bytes > 0, $"metrics drops {metrics.Drops.Records}");
        // Logs are the lowest priority: all 40 lines went before the first metric did; only the fresh line arrived.
        Assert.Equal(40, logs.Drops.Records);
        Assert.Equal(1, logs.RecordsStored);
        var dropped = await admin2.GetFromJsonAsync(TelemetryApiRoutes.Events(deviceId) + "?limit=1000", OutpostJsonContext.Default.TelemetryEntryList, TestContext.Current.CancellationToken);
        Assert.Contains(dropped!.Items, e => e.Name == "outbox.dropped");
        Assert.Equal(0, await agent.StopAsync(TimeSpan.FromSeconds(15)));
        rig.Running.AssertNoErrorsLogged();
    }

    private static async Task<IReadOnlyList<TelemetryStreamView>> WaitForStreamsAsync(HttpClient admin, string deviceId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var list = await admin.GetFromJsonAsync(TelemetryApiRoutes.Streams(deviceId), OutpostJsonContext.Default.TelemetryStreamList, TestContext.Current.CancellationToken);
            var resynced = list!.Items.Any(s => s.Stream == TelemetryChannel.Metrics && s.Drops.Records > 0)
                && list.Items.Any(s => s.Stream == TelemetryChannel.Logs && s.RecordsStored > 0);
            if (resynced || DateTime.UtcNow > deadline)
            {
                return list.Items;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
