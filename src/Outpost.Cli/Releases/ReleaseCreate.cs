using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Outpost.Cli.Api;
using Outpost.Cli.Keys;
using Outpost.Cli.Output;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Metadata;
using Outpost.Trust.Tuf.Verification;

namespace Outpost.Cli.Releases;

/// <summary>
/// <c>outpost release create</c>: the previous targets plus this release's targets, version + 1, signed offline with
/// the targets keys, staged in DIR/staged/NAME-VERSION for push. Inputs are all checked before anything is read
/// from the server or written.
/// </summary>
internal sealed class ReleaseCreate(CliContext context)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(90);

    public required TufRepoDirectory Repo { get; init; }

    public required string Name { get; init; }

    public required string Version { get; init; }

    public required string DeviceClass { get; init; }

    public required IReadOnlyList<ArtifactSpec> Artifacts { get; init; }

    public JsonObject? Workload { get; init; }

    public TimeSpan Lifetime { get; init; } = DefaultLifetime;

    public string? BaseTargetsFile { get; init; }

    public string? Passphrase { get; init; }

    public void Validate()
    {
        ReleaseNames.RequireName(Name, "--name");
        ReleaseNames.RequireVersion(Version, "--version");
        ReleaseNames.RequireDeviceClass(DeviceClass, "--device-class");
        if (Artifacts.Count == 0)
        {
            throw new CliException("--artifact: a release needs at least one artifact", ExitCodes.Usage);
        }

        var duplicate = Artifacts.GroupBy(a => a.FileName, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new CliException($"--artifact: two artifacts are named '{duplicate.Key}'", ExitCodes.Usage);
        }

        if (!Directory.Exists(Repo.KeysPath))
        {
            throw new CliException($"--dir: no keys folder {Repo.KeysPath}: run outpost keys init first");
        }
    }

    public async Task RunAsync(AdminApiClient? client, CancellationToken ct)
    {
        var now = context.Time.GetUtcNow();
        var (rootBytes, localRoot) = Repo.ReadRoot();
        var (previous, root) = client is null
            ? (CurrentTargets.Load(BaseTargetsFile!, localRoot.Signed), localRoot.Signed)
            : await CurrentTargets.FetchAsync(client, rootBytes, now, ct);
        var prefix = ReleaseNames.TargetPrefix(Name, Version);
        if (previous is not null && previous.Targets.Keys.Any(path => path.StartsWith(prefix, StringComparison.Ordinal)))
        {
            throw new CliException(
                $"--version: release {Name}@{Version} already exists (targets version {previous.Version}); releases are never edited, pick a new version");
        }

        var keys = Repo.ReadKeys(TufRoles.Targets, root.Role(TufRoles.Targets), Passphrase);
        try
        {
            var staged = Repo.StagedPath(Name, Version);
            Directory.CreateDirectory(staged);
            var artifacts = new List<StagedArtifact>();
            foreach (var artifact in Artifacts)
            {
                artifacts.Add(await HashAsync(prefix + artifact.FileName, artifact.Kind, artifact.Path, ct));
            }

            var manifestPath = Path.Combine(staged, ReleaseNames.ManifestFile);
            await File.WriteAllBytesAsync(manifestPath, ReleaseManifest.Build(Name, Version, DeviceClass, artifacts, Workload), ct);
            artifacts.Add(await HashAsync(prefix + ReleaseNames.ManifestFile, "manifest", manifestPath, ct));

            var targets = new Dictionary<string, TargetFile>(previous?.Targets ?? new Dictionary<string, TargetFile>(), StringComparer.Ordinal);
            foreach (var artifact in artifacts)
            {
                targets[artifact.TargetPath] = new TargetFile(
                    artifact.Length,
                    new Dictionary<string, string>(StringComparer.Ordinal) { ["sha256"] = artifact.Sha256 },
                    ReleaseManifest.Custom(Name, Version, DeviceClass, artifact.Kind));
            }

            var version = (previous?.Version ?? 0) + 1;
            var metadata = new TargetsMetadata(
                TufSigned.CurrentSpecVersion, version, RootBuilder.Expiry(now, Lifetime), targets, previous?.Delegations);
            var signed = MetadataSigner.Sign(metadata, keys);
            // TUF 5.6.3 as the server and every agent will check it.
            var check = MetadataParser.Parse<TargetsMetadata>(signed);
            SignatureThreshold.Require(check.Envelope, root.Role(TufRoles.Targets), root.Keys, TufRoles.Targets);
            await File.WriteAllBytesAsync(Path.Combine(staged, "targets.json"), signed, ct);
            new StagedRelease { Name = Name, Version = Version, DeviceClass = DeviceClass, TargetsVersion = version, Artifacts = artifacts }
                .Write(staged);

            var total = artifacts.Sum(a => a.Length);
            context.Output.WriteLine(
                $"Staged {Name}@{Version} for device class {DeviceClass}: {Artifacts.Count} artifact(s) + release.json, " +
                $"{ByteSize.Format(total)}, targets version {version} signed by {keys.Count} targets key(s).");
            context.Output.WriteLine($"Push it with: outpost release push --dir {Repo.Path} {Name}@{Version}");
        }
        finally
        {
            foreach (var key in keys)
            {
                key.Dispose();
            }
        }
    }

    // Streamed: artifacts (models, images) can be far larger than memory.
    private static async Task<StagedArtifact> HashAsync(string targetPath, string kind, string file, CancellationToken ct)
    {
        await using var stream = File.OpenRead(file);
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
        return new StagedArtifact { TargetPath = targetPath, Kind = kind, Source = file, Length = stream.Length, Sha256 = sha256 };
    }
}
