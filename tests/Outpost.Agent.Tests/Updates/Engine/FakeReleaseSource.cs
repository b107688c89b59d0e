using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Outpost.Agent.Updates.Engine;
using Outpost.Agent.Updates.Releases;
using Outpost.Protocol.Devices;

namespace Outpost.Agent.Tests.Updates.Engine;

/// <summary>
/// Releases a test defines, staged the way the real stager does it (private folder, then one rename into
/// <c>staging/X</c>); counts what was staged so tests can assert "no download".
/// </summary>
internal sealed class FakeReleaseSource(string stagingDirectory) : IReleaseSource
{
    private readonly Dictionary<string, Dictionary<string, (string Kind, byte[] Bytes)>> _releases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _windows = new(StringComparer.Ordinal);

    public List<string> Staged { get; } = [];

    public long TargetsVersion { get; set; } = 1;

    public int Refreshes { get; private set; }

    /// <summary>Releases the "repository" refuses (unsigned), with the refusal.</summary>
    public Dictionary<string, string> Refusals { get; } = new(StringComparer.Ordinal);

    /// <summary>The cause a refusal carries, as the real stager sets it (VerificationFailed when absent).</summary>
    public Dictionary<string, UpdateFailureCause> RefusalCauses { get; } = new(StringComparer.Ordinal);

    /// <summary>Set to make the next stagings fail like a network cut.</summary>
    public Exception? Outage { get; set; }

    public FakeReleaseSource Define(string releaseId, int healthWindowSeconds = 10, bool withAgent = false)
    {
        var files = new Dictionary<string, (string, byte[])>(StringComparer.Ordinal)
        {
            ["app.bin"] = ("app", Encoding.UTF8.GetBytes($"application of {releaseId}")),
            ["model.bin"] = ("model", RandomNumberGenerator.GetBytes(2048)),
        };
        if (withAgent)
        {
            files["outpost-agent"] = ("agent", Encoding.UTF8.GetBytes("#!/bin/sh\n"));
        }

        _releases[releaseId] = files;
        _windows[releaseId] = healthWindowSeconds;
        return this;
    }

    public Task<long> RefreshAsync(CancellationToken cancellationToken)
    {
        Refreshes++;
        return Outage is { } outage ? Task.FromException<long>(outage) : Task.FromResult(TargetsVersion);
    }

    public Task StageAsync(string releaseId, Action<UpdateState, int?> progress, CancellationToken cancellationToken)
    {
        if (Outage is { } outage)
        {
            throw outage;
        }

        if (Refusals.TryGetValue(releaseId, out var refusal))
        {
            throw new ReleaseRefusedException(refusal, RefusalCauses.GetValueOrDefault(releaseId, UpdateFailureCause.VerificationFailed));
        }

        progress(UpdateState.Downloading, 50);
        var temp = Path.Combine(stagingDirectory, $".{releaseId}.tmp");
        Directory.CreateDirectory(temp);
        foreach (var (name, (_, bytes)) in _releases[releaseId])
        {
            File.WriteAllBytes(Path.Combine(temp, name), bytes);
        }

        File.WriteAllBytes(Path.Combine(temp, "release.json"), Manifest(releaseId));
        Directory.Move(temp, Path.Combine(stagingDirectory, releaseId));
        Staged.Add(releaseId);
        progress(UpdateState.Verifying, null);
        return Task.CompletedTask;
    }

    public byte[] Manifest(string releaseId)
    {
        var (name, version) = (releaseId[..releaseId.IndexOf('@', StringComparison.Ordinal)], releaseId[(releaseId.IndexOf('@', StringComparison.Ordinal) + 1)..]);
        var artifacts = new JsonArray();
        foreach (var (file, (kind, bytes)) in _releases[releaseId])
        {
            artifacts.Add((JsonNode)new JsonObject
            {
                ["name"] = file, ["kind"] = kind, ["path"] = $"releases/{name}/{version}/{file}",
                ["length"] = bytes.Length, ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            });
        }

        var manifest = new JsonObject
        {
            ["name"] = name, ["version"] = version, ["deviceClass"] = "test", ["artifacts"] = artifacts,
            ["workload"] = new JsonObject { ["healthWindowSeconds"] = _windows[releaseId] },
        };
        return Encoding.UTF8.GetBytes(manifest.ToJsonString());
    }
}
