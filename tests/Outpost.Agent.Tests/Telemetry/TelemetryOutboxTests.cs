using Microsoft.Extensions.Time.Testing;
using Outpost.Agent.Telemetry.Outbox;
using Outpost.Protocol.Telemetry;

namespace Outpost.Agent.Tests.Telemetry;

public sealed class TelemetryOutboxTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Append_AssignsSequencesFromOnePerChannel()
    {
        using var outbox = Open();

        Assert.Equal(1, outbox.Append(TelemetryChannel.Events, Entry("a")));
        Assert.Equal(3, outbox.Append(TelemetryChannel.Events, [Entry("b"), Entry("c")]));
        Assert.Equal(1, outbox.Append(TelemetryChannel.Logs, Entry("l")));

        var batch = outbox.Read(TelemetryChannel.Events, 10, long.MaxValue)!;
        Assert.Equal([1L, 2, 3], batch.Rows.Select(r => r.Sequence));
        Assert.Equal(3, outbox.Stats(TelemetryChannel.Events).Records);
    }

    [Fact]
    public void Acknowledge_DeletesThroughStoredSequence_AndSequencesAreNeverReused()
    {
        var path = _dir.File("outbox.db");
        using (var outbox = Open(path))
        {
            outbox.Append(TelemetryChannel.Metrics, [Entry("a"), Entry("b"), Entry("c")]);
            Assert.Equal(2, outbox.Acknowledge(TelemetryChannel.Metrics, 2).Deleted);
            Assert.Equal(1, outbox.Acknowledge(TelemetryChannel.Metrics, 3).Deleted);
            Assert.Null(outbox.Read(TelemetryChannel.Metrics, 10, long.MaxValue));
        }

        using var reopened = Open(path);
        Assert.Equal(4, reopened.Append(TelemetryChannel.Metrics, Entry("d")));
    }

    [Fact]
    public void Append_OverChannelQuota_DropsOldestOfThatChannelAndCountsThem()
    {
        var options = new OutboxOptions { Logs = new ChannelQuota { MaxBytes = 1000 } };
        using var outbox = Open(options: options);
        for (var i = 0; i < 50; i++)
        {
            outbox.Append(TelemetryChannel.Logs, Entry("log", new string('x', 50)));
        }

        var stats = outbox.Stats(TelemetryChannel.Logs);
        Assert.InRange(stats.Bytes, 1, 1000);
        Assert.Equal(50, stats.Records + stats.DroppedRecords);
        var batch = outbox.Read(TelemetryChannel.Logs, 100, long.MaxValue)!;
        Assert.Equal(50, batch.LastSequence);
        Assert.Equal(stats.DroppedRecords + 1, batch.Rows[0].Sequence);
        Assert.Equal(stats.DroppedRecords, batch.Drops!.Records);
    }

    [Fact]
    public void Append_OverTotalQuota_DropsLogsThenMetricsAndKeepsEvents()
    {
        var options = new OutboxOptions { MaxBytes = 3000 };
        using var outbox = Open(options: options);
        outbox.Append(TelemetryChannel.Logs, Enumerable.Range(0, 10).Select(_ => Entry("log", new string('l', 100))).ToList());
        outbox.Append(TelemetryChannel.Metrics, Enumerable.Range(0, 10).Select(_ => Entry("metric", new string('m', 100))).ToList());

        // Events push the outbox past its total: logs go first, then metrics; no event is dropped.
        outbox.Append(TelemetryChannel.Events, Enumerable.Range(0, 15).Select(_ => Entry("event", new string('e', 100))).ToList());

        Assert.Equal(0, outbox.Stats(TelemetryChannel.Logs).Records);
        Assert.Equal(10, outbox.Stats(TelemetryChannel.Logs).DroppedRecords);
        Assert.True(outbox.Stats(TelemetryChannel.Metrics).DroppedRecords > 0);
        Assert.Equal(15, outbox.Stats(TelemetryChannel.Events).Records);
        Assert.Equal(0, outbox.Stats(TelemetryChannel.Events).DroppedRecords);
    }

    [Fact]
    public void Expire_DropsRecordsPastTheirTimeToLive()
    {
        var options = new OutboxOptions { Logs = new ChannelQuota { MaxBytes = 1 << 20, TimeToLive = TimeSpan.FromHours(1) } };
        using var outbox = Open(options: options);
        outbox.Append(TelemetryChannel.Logs, [Entry("old1"), Entry("old2")]);
        _time.Advance(TimeSpan.FromMinutes(45));
        outbox.Append(TelemetryChannel.Logs, Entry("young"));
        _time.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(2, outbox.Expire());

        var batch = outbox.Read(TelemetryChannel.Logs, 10, long.MaxValue)!;
        Assert.Equal([3L], batch.Rows.Select(r => r.Sequence));
        Assert.Equal(2, outbox.Stats(TelemetryChannel.Logs).DroppedRecords);
    }

    [Fact]
    public void ReportDrops_AppendsOneOutboxDroppedEventPerChannel_AndDropCountsSurviveReopen()
    {
        var path = _dir.File("outbox.db");
        var options = new OutboxOptions { Logs = new ChannelQuota { MaxBytes = 200 } };
        long dropped;
        using (var outbox = Open(path, options))
        {
            for (var i = 0; i < 10; i++)
            {
                outbox.Append(TelemetryChannel.Logs, Entry("log", new string('x', 60)));
            }

            dropped = outbox.Stats(TelemetryChannel.Logs).DroppedRecords;
            Assert.Equal(1, outbox.ReportDrops());
            Assert.Equal(0, outbox.ReportDrops());
            var events = outbox.Read(TelemetryChannel.Events, 10, long.MaxValue)!;
            var json = System.Text.Encoding.UTF8.GetString(events.Rows.Single().Body);
            Assert.Contains("\"name\":\"outbox.dropped\"", json, StringComparison.Ordinal);
            Assert.Contains($"\"records\":\"{dropped}\"", json, StringComparison.Ordinal);
        }

        using var reopened = Open(path, options);
        Assert.Equal(dropped, reopened.Stats(TelemetryChannel.Logs).DroppedRecords);
        Assert.Equal(0, reopened.ReportDrops());
    }

    [Fact]
    public void Acknowledge_PastAnythingIssued_RenumbersPendingRowsAfterTheServersMaximum()
    {
        using var outbox = Open();
        outbox.Append(TelemetryChannel.Events, [Entry("a"), Entry("b")]);

        // The server already holds sequences up to 100 from before this outbox was reset.
        var ack = outbox.Acknowledge(TelemetryChannel.Events, 100);

        Assert.Equal(2, ack.Renumbered);
        Assert.Equal([101L, 102], outbox.Read(TelemetryChannel.Events, 10, long.MaxValue)!.Rows.Select(r => r.Sequence));
        Assert.Equal(103, outbox.Append(TelemetryChannel.Events, Entry("c")));
    }

    [Fact]
    public void Open_AfterUncleanStop_KeepsEveryAcknowledgedAppend()
    {
        var path = _dir.File("outbox.db");
        var crashed = _dir.File("crashed");
        Directory.CreateDirectory(crashed);
        var outbox = Open(path);
        for (var i = 0; i < 20; i++)
        {
            outbox.Append(TelemetryChannel.Events, Entry($"e{i}"));
        }

        outbox.Append(TelemetryChannel.Logs, Enumerable.Range(0, 100).Select(i => Entry($"l{i}")).ToList());
        outbox.Acknowledge(TelemetryChannel.Logs, 40);

        // The files as they are on disk while the process still holds them open: no checkpoint, no clean close.
        foreach (var file in Directory.GetFiles(_dir.Path, "outbox.db*"))
        {
            File.Copy(file, Path.Combine(crashed, Path.GetFileName(file)));
        }

        outbox.Dispose();
        using var recovered = Open(Path.Combine(crashed, "outbox.db"));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), recovered.Read(TelemetryChannel.Events, 100, long.MaxValue)!.Rows.Select(r => r.Sequence));
        Assert.Equal(Enumerable.Range(41, 60).Select(i => (long)i), recovered.Read(TelemetryChannel.Logs, 100, long.MaxValue)!.Rows.Select(r => r.Sequence));
        Assert.Equal(21, recovered.Append(TelemetryChannel.Events, Entry("after")));
    }

    [Fact]
    public void Read_StopsAtTheByteLimitButReturnsAtLeastOneRecord()
    {
        using var outbox = Open();
        outbox.Append(TelemetryChannel.Logs, Enumerable.Range(0, 10).Select(_ => Entry("x", new string('x', 100))).ToList());

        var one = Assert.Single(outbox.Read(TelemetryChannel.Logs, 10, 1)!.Rows).Body.Length;
        Assert.Equal(2, outbox.Read(TelemetryChannel.Logs, 10, (2 * one) + 1)!.Rows.Count);
        Assert.Equal(3, outbox.Read(TelemetryChannel.Logs, 3, long.MaxValue)!.Rows.Count);
    }

    public void Dispose() => _dir.Dispose();

    internal static OutboxEntry Entry(string name, string? message = null) =>
        new(DateTimeOffset.UnixEpoch, name, "info", message);

    private TelemetryOutbox Open(string? path = null, OutboxOptions? options = null) =>
        new(path ?? _dir.File("outbox.db"), options ?? new OutboxOptions(), _time);
}
