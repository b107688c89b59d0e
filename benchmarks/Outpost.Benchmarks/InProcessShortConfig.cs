using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Outpost.Benchmarks;

/// <summary>
/// A short monitoring job run inside the host process: on the shared 2-core machine BenchmarkDotNet's generated
/// project build alone exceeds its two-minute timeout, and the outbox figures are ratios measured in one run anyway.
/// </summary>
public sealed class InProcessShortConfig : ManualConfig
{
    public InProcessShortConfig() =>
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(10));
}
