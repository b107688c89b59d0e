using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Outpost.Agent.Workloads;
using Outpost.Agent.Workloads.Processes;
using static Outpost.Agent.Tests.Workloads.TestRelease;

namespace Outpost.Agent.Tests.Workloads;

public sealed class WorkloadServiceCollectionExtensionsTests : IAsyncLifetime
{
    private readonly TestRelease _release = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _release.DisposeAsync();

    [Fact]
    public async Task Host_StartsAndStops_ReapsLeftoversAtStartupAndStopsTheWorkloadAtShutdown()
    {
        using var leftover = Process.Start("setsid", ["sleep", "60"]);
        await Until(() => ProcStat.Read(leftover.Id) is { ProcessGroup: var g } && g == leftover.Id, "leftover in its own group");
        Directory.CreateDirectory(_release.Paths.DataDirectory);
        await File.WriteAllTextAsync(
            _release.Paths.WorkloadPids,
            new PidRecord(leftover.Id, ProcStat.Read(leftover.Id)!.Value.StartTime, true, TimeSpan.FromSeconds(5), "old@1", "sleep").ToLine() + "\n",
            TestContext.Current.CancellationToken);
        _release.Script("app/run.sh", "exec sleep 60");
        _release.Manifest("""{ "processes": [ { "name": "run", "command": "app/run.sh" } ] }""");
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        builder.Services.AddWorkloads(_release.Paths);
        using var host = builder.Build();

        await host.StartAsync(TestContext.Current.CancellationToken);
        Assert.True(leftover.WaitForExit(TimeSpan.FromSeconds(10)), "the leftover was stopped at startup");
        var supervisor = host.Services.GetRequiredService<IWorkloadSupervisor>();
        Assert.Same(host.Services.GetRequiredService<WorkloadSupervisor>(), supervisor);
        await supervisor.StartAsync(_release.ReleaseId, _release.Directory, TestContext.Current.CancellationToken);
        await Until(() => supervisor.Health.Healthy, "healthy");
        var pid = Assert.Single(host.Services.GetRequiredService<WorkloadSupervisor>().Processes).Pid!.Value;

        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.False(ProcessProbe.Alive(pid));
    }
}
