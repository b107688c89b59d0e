using BenchmarkDotNet.Attributes;
using Outpost.Trust.Tuf.Client;

namespace Outpost.Benchmarks;

/// <summary>
/// Cost of one full TUF client refresh in the verification core: trusted root → timestamp → snapshot → targets from
/// bytes (signature checks, hashes, parsing), plus one target lookup. No I/O, so the figure is the client's own CPU
/// and allocation cost as the number of targets grows; the 1-target case is the baseline.
/// </summary>
[MemoryDiagnoser]
public class TufRefreshBenchmark
{
    private TufBenchRepository _repository = null!;

    [Params(1, 100, 10_000)]
    public int Targets { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _repository = new TufBenchRepository(Targets);
        if (Refresh() is null)
        {
            throw new InvalidOperationException("the generated repository does not verify");
        }
    }

    [Benchmark]
    public TargetMatch? Refresh()
    {
        var set = new TrustedMetadataSet(_repository.Root, TufBenchRepository.Now);
        set.UpdateTimestamp(_repository.Timestamp);
        set.UpdateSnapshot(_repository.Snapshot);
        set.UpdateTargets(_repository.Targets);
        // Top-level targets only: no delegated role is fetched, so the lookup completes synchronously.
        return TargetResolver.FindAsync(set, _repository.Lookup, (_, _) => throw new InvalidOperationException("no delegations"))
            .GetAwaiter().GetResult();
    }
}
