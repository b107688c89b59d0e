using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Outpost.Agent.Updates.Tuf;
using Outpost.Trust.Tuf.Client;

namespace Outpost.Benchmarks;

/// <summary>
/// The same refresh through the agent's <see cref="TufUpdater"/>: HTTP from an in-process Kestrel on 127.0.0.1,
/// byte caps, atomic persistence of every accepted file into a fresh metadata folder, plus one target lookup.
/// </summary>
[MemoryDiagnoser]
public class TufUpdaterRefreshBenchmark
{
    private readonly FakeTimeProvider _time = new(TufBenchRepository.Now);
    private WebApplication _server = null!;
    private HttpClient _http = null!;
    private TufBenchRepository _repository = null!;
    private Uri _metadataUrl = null!;
    private string _folder = "";
    private int _run;

    [Params(1, 100, 10_000)]
    public int Targets { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _repository = new TufBenchRepository(Targets);
        var files = _repository.Files();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.MapGet("/metadata/{file}", (string file) =>
            files.TryGetValue(file, out var bytes) ? Results.Bytes(bytes, "application/json") : Results.NotFound());
        _server.StartAsync().GetAwaiter().GetResult();
        var address = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _metadataUrl = new Uri($"{address}/metadata/");
        _http = new HttpClient();
        _folder = Directory.CreateTempSubdirectory("outpost-tuf-bench-").FullName;
        if (Refresh() is null)
        {
            throw new InvalidOperationException("the generated repository does not verify");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _http.Dispose();
        _server.StopAsync().GetAwaiter().GetResult();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public TargetMatch? Refresh()
    {
        // A fresh folder per refresh: a first update, so every file is downloaded, verified and persisted.
        var metadata = Path.Combine(_folder, (_run++).ToString(System.Globalization.CultureInfo.InvariantCulture));
        TufUpdater.Initialize(metadata, _repository.Root, _time);
        var updater = new TufUpdater(new TufClientOptions { MetadataDirectory = metadata, MetadataUrl = _metadataUrl }, _http, _time,
            NullLogger.Instance);
        var match = updater.FindTargetAsync(_repository.Lookup, CancellationToken.None).GetAwaiter().GetResult();
        Directory.Delete(metadata, recursive: true);
        return match;
    }
}
