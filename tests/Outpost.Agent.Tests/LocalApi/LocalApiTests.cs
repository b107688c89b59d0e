using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Outpost.Agent.LocalApi;
using Outpost.Agent.Telemetry;
using Outpost.Agent.Telemetry.Metrics;
using Outpost.Agent.Telemetry.Outbox;
using Outpost.Protocol.Telemetry;

namespace Outpost.Agent.Tests.LocalApi;

/// <summary>The local API over a real Unix socket, through HttpClient like a workload would call it.</summary>
public sealed class LocalApiTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly LocalApiOptions _options = new() { EventsPerSecond = 1, EventsBurst = 5 };
    private TelemetryOutbox _outbox = null!;
    private MetricAggregator _metrics = null!;
    private LocalHttpServer _server = null!;
    private HttpClient _client = null!;
    private AgentPaths _paths = null!;

    public ValueTask InitializeAsync()
    {
        _paths = new AgentPaths(_dir.Path);
        _options.LogLevels["info"] = new LogLevelLimit { PerSecond = 1, Burst = 3 };
        _outbox = new TelemetryOutbox(_paths.Outbox, new OutboxOptions(), _time);
        _metrics = new MetricAggregator(new TelemetryOptions(), _time, new Random(1));
        var handler = new LocalApiHandler(_outbox, _metrics, new LogLimiter(_options.LogLevels, _time), new ReleaseReader(_paths), _options, _time);
        File.WriteAllText(_paths.LocalApiSocket, "stale");
        _server = new LocalHttpServer(handler.HandleAsync, 8, TimeSpan.FromSeconds(30));
        _server.ListenUnix(_paths.LocalApiSocket);
        _client = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(_paths.LocalApiSocket), ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        }) { BaseAddress = new Uri("http://outpost-agent") };
        return ValueTask.CompletedTask;
    }

    [Fact]
    public void ListenUnix_ReplacesStaleFile_WithOwnerAndGroupOnlySocket()
    {
        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite,
            File.GetUnixFileMode(_paths.LocalApiSocket));
    }

    [Fact]
    public async Task PostEvents_ObjectAndArray_GoToTheEventsChannel()
    {
        var one = await PostAsync("/v1/events", """{"name":"anomaly","level":"warning","message":"hot","attributes":{"zone":"a"}}""");
        var many = await PostAsync("/v1/events", """[{"name":"a"},{"name":"b"}]""");

        Assert.Equal(HttpStatusCode.Accepted, one.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, many.StatusCode);
        var batch = _outbox.Read(TelemetryChannel.Events, 10, long.MaxValue)!;
        Assert.Equal([1L, 2, 3], batch.Rows.Select(r => r.Sequence));
        var first = Encoding.UTF8.GetString(batch.Rows[0].Body);
        Assert.Contains("\"name\":\"anomaly\"", first, StringComparison.Ordinal);
        Assert.Contains("\"level\":\"warning\"", first, StringComparison.Ordinal);
        Assert.Contains("\"zone\":\"a\"", first, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1/events", """{"level":"info"}""", "name")]
    [InlineData("/v1/events", """[{"name":"ok"},{"name":"x","level":"loud"}]""", "[1].level")]
    [InlineData("/v1/events", """{"name":"x","attributes":{"bad key":"v"}}""", "attributes.bad key")]
    [InlineData("/v1/metrics", """{"name":"inference-fps","value":1}""", "name")]
    [InlineData("/v1/metrics", """{"name":"fps"}""", "value")]
    [InlineData("/v1/logs", """{"level":"info"}""", "message")]
    [InlineData("/v1/events", """{"name":"x","nmae":"typo"}""", "$")]
    [InlineData("/v1/events", "not json", "$")]
    public async Task Post_BadInput_Is400NamingTheFieldAndStoresNothing(string path, string body, string field)
    {
        var response = await PostAsync(path, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.StartsWith(field, problem.RootElement.GetProperty("field").GetString(), StringComparison.Ordinal);
        Assert.Null(_outbox.Read(TelemetryChannel.Events, 10, long.MaxValue));
    }

    [Fact]
    public async Task Errors_UnknownRoute404_WrongMethod405_Oversized413_NoLength411()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(new Uri("/v1/nothing", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        var wrong = await _client.GetAsync(new Uri("/v1/events", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrong.StatusCode);
        Assert.Equal(["POST"], wrong.Content.Headers.Allow);
        var big = await PostAsync("/v1/logs", $$"""{"message":"{{new string('x', 70_000)}}"}""");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);

        using var chunked = new StreamContent(new MemoryStream("{\"name\":\"x\"}"u8.ToArray()));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/events") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        Assert.Equal(HttpStatusCode.LengthRequired, (await _client.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task PostEvents_OverRate_Is429WithRetryAfter_UntilTokensRefill()
    {
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync("/v1/events", """[{"name":"a"},{"name":"b"},{"name":"c"},{"name":"d"},{"name":"e"}]""")).StatusCode);

        var limited = await PostAsync("/v1/events", """{"name":"f"}""");
        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal(5, _outbox.Stats(TelemetryChannel.Events).Records);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync("/v1/events", """{"name":"f"}""")).StatusCode);
    }

    [Fact]
    public async Task PostLogs_OverLevelRate_AreSuppressedAndCounted()
    {
        var response = await PostAsync("/v1/logs", string.Concat("[", string.Join(",", Enumerable.Repeat("""{"message":"spam"}""", 10)), "]"));
        var error = await PostAsync("/v1/logs", """{"level":"error","message":"boom","source":"infer"}""");

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(3, body.RootElement.GetProperty("accepted").GetInt32());
        Assert.Equal(7, body.RootElement.GetProperty("suppressed").GetInt32());
        Assert.Equal(HttpStatusCode.Accepted, error.StatusCode);
        Assert.Equal(4, _outbox.Stats(TelemetryChannel.Logs).Records);
    }

    [Fact]
    public async Task PostMetrics_AreAggregatedOnTheDevice()
    {
        var response = await PostAsync("/v1/metrics", """[{"name":"inference_fps","value":10},{"name":"inference_fps","value":30}]""");
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var aggregate = Assert.Single(_metrics.TakeClosed());
        Assert.Equal(2, aggregate.Value!.Count);
        Assert.Equal(20, aggregate.Value.Mean);
    }

    [Fact]
    public async Task GetRelease_NoneInstalled404_ThenDescribesCurrent()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(new Uri("/v1/release", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        var folder = _paths.Release("app@1.0.0");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "release.json"), """
            {"name":"app","version":"1.0.0","artifacts":[{"name":"infer.sh","kind":"app","path":"releases/app/1.0.0/infer.sh"},
             {"name":"model.onnx","kind":"model","path":"releases/app/1.0.0/model.onnx"}]}
            """);
        File.CreateSymbolicLink(_paths.Current, folder);

        var release = await _client.GetStringAsync(new Uri("/v1/release", UriKind.Relative), TestContext.Current.CancellationToken);

        using var json = JsonDocument.Parse(release);
        Assert.Equal("app@1.0.0", json.RootElement.GetProperty("releaseId").GetString());
        Assert.Equal(folder, json.RootElement.GetProperty("folder").GetString());
        Assert.Equal(Path.Combine(folder, "model.onnx"), json.RootElement.GetProperty("modelPath").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("artifacts").GetArrayLength());
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
        _outbox.Dispose();
        _dir.Dispose();
    }

    private Task<HttpResponseMessage> PostAsync(string path, string json) =>
        _client.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
}
