using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Outpost.Agent.Workloads;

namespace Outpost.Agent.Tests.Workloads;

/// <summary>A data folder with one installed release (release.json + sh scripts) and supervisors over it.</summary>
internal sealed class TestRelease : IAsyncDisposable
{
    private readonly TempDirectory _root = new();
    private readonly List<WorkloadSupervisor> _supervisors = [];

    public TestRelease(string releaseId = "app@1.0.0")
    {
        ReleaseId = releaseId;
        Paths = new AgentPaths(_root.File("data"));
        System.IO.Directory.CreateDirectory(Paths.Release(releaseId));
    }

    public string ReleaseId { get; }

    public AgentPaths Paths { get; }

    public string Directory => Paths.Release(ReleaseId);

    public ListLogger<WorkloadSupervisor> Logger { get; } = new();

    /// <summary>A path outside the release for the scripts to leave evidence in.</summary>
    public string Scratch(string name) => _root.File(name);

    /// <summary>Writes an sh script (not executable: the supervisor must make it so, like a staged artifact).</summary>
    public void Script(string relative, string body)
    {
        var path = Path.Combine(Directory, relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
    }

    public void Manifest(string workloadJson, params (string Name, string Kind)[] artifacts)
    {
        var list = new JsonArray();
        foreach (var (name, kind) in artifacts)
        {
            File.WriteAllText(Path.Combine(Directory, name), kind);
            list.Add((JsonNode)new JsonObject { ["name"] = name, ["kind"] = kind, ["path"] = $"releases/app/1.0.0/{name}" });
        }

        var manifest = new JsonObject
        {
            ["name"] = "app",
            ["version"] = "1.0.0",
            ["artifacts"] = list,
            ["workload"] = JsonNode.Parse(workloadJson),
        };
        File.WriteAllText(Path.Combine(Directory, "release.json"), manifest.ToJsonString());
    }

    public WorkloadSupervisor Supervisor(TimeProvider? time = null)
    {
        var supervisor = new WorkloadSupervisor(Paths, time ?? TimeProvider.System, Logger);
        _supervisors.Add(supervisor);
        return supervisor;
    }

    public static async Task Until(Func<bool> condition, string what, double seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for: {what}");
            await Task.Delay(20);
        }
    }

    public string LogText(string process) =>
        File.Exists(LogPath(process)) ? ReadShared(LogPath(process)) : "";

    public string LogPath(string process) => Path.Combine(Paths.WorkloadLogs, ReleaseId, process + ".log");

    public static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var supervisor in _supervisors)
        {
            await supervisor.DisposeAsync();
        }

        _root.Dispose();
    }
}
