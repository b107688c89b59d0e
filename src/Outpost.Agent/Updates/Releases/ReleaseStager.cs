using System.Text.RegularExpressions;
using Outpost.Agent.Updates.Tuf;
using Outpost.Protocol.Devices;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Client;
using Outpost.Trust.Tuf.Verification;

namespace Outpost.Agent.Updates.Releases;

/// <summary>
/// Verifies a release against TUF metadata and stages its files in <c>&lt;staging&gt;/NAME@VERSION/</c>. Full
/// verification: every artifact the manifest lists must itself be a target of the verified targets metadata with the
/// same length and sha256. Files are copied out of the TUF target cache into a private temporary folder, verified
/// there again, and the folder is renamed into place only when all passed: a refused release leaves nothing staged.
/// </summary>
internal sealed partial class ReleaseStager(string stagingDirectory, Func<long> freeBytes, long diskReserveBytes = ReleaseStager.DefaultDiskReserveBytes)
{
    public const long DefaultDiskReserveBytes = 64L * 1024 * 1024;

    public long DiskReserveBytes { get; } = diskReserveBytes;

    public static string? StagedPath(string stagingDirectory, string releaseId) =>
        Directory.Exists(Path.Combine(stagingDirectory, releaseId)) ? Path.Combine(stagingDirectory, releaseId) : null;

    /// <summary>Stages the release; reports progress on the way. Throws ReleaseRefusedException with the reason.</summary>
    public async Task<string> StageAsync(TufUpdater updater, string releaseId, Action<UpdateState, int?> progress, CancellationToken cancellationToken)
    {
        var match = ReleaseId().Match(releaseId);
        if (!match.Success)
        {
            throw new ReleaseRefusedException($"{releaseId} is not NAME@VERSION");
        }

        var prefix = $"releases/{match.Groups["name"].Value}/{match.Groups["version"].Value}/";
        var final = Path.Combine(stagingDirectory, releaseId);
        await updater.RefreshAsync(cancellationToken);
        var manifestTarget = await FindAsync(updater, prefix + "release.json", releaseId, cancellationToken);
        var manifestBytes = await File.ReadAllBytesAsync(await Download(updater, manifestTarget, null, cancellationToken), cancellationToken);
        Verify(manifestTarget, manifestBytes);
        var manifest = ReleaseManifest.Parse(manifestBytes, prefix);

        var targets = new List<TargetMatch>();
        foreach (var artifact in manifest.Artifacts)
        {
            var target = await FindAsync(updater, artifact.Path, releaseId, cancellationToken);
            if (target.File.Length != artifact.Length
                || !string.Equals(target.File.Hashes.GetValueOrDefault("sha256"), artifact.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new ReleaseRefusedException($"{artifact.FileName}: release.json and the signed targets disagree on its length or sha256");
            }

            targets.Add(target);
        }

        var total = targets.Sum(t => t.File.Length);
        CheckFreeDisk(updater, targets, total);

        Directory.CreateDirectory(stagingDirectory);
        var temp = Path.Combine(stagingDirectory, $".{releaseId}.tmp");
        if (Directory.Exists(temp))
        {
            Directory.Delete(temp, recursive: true);
        }

        Directory.CreateDirectory(temp);
        try
        {
            long done = 0;
            var percent = -1;
            void Report(long bytes)
            {
                var now = total == 0 ? 100 : (int)((done + bytes) * 100 / total);
                if (now != percent)
                {
                    percent = now;
                    progress(UpdateState.Downloading, now);
                }
            }

            var cached = new List<(TargetMatch Target, string Path)>();
            foreach (var target in targets)
            {
                Report(0);
                cached.Add((target, await Download(updater, target, Report, cancellationToken)));
                done += target.File.Length;
            }

            progress(UpdateState.Verifying, null);
            await File.WriteAllBytesAsync(Path.Combine(temp, "release.json"), manifestBytes, cancellationToken);
            foreach (var (target, source) in cached)
            {
                var copy = Path.Combine(temp, target.Path[(target.Path.LastIndexOf('/') + 1)..]);
                // Moved, not copied: the release needs its size once on disk, which is what the preflight checked.
                // Verified again where it now is: that is the file that stays.
                File.Move(source, copy, overwrite: true);
                await using (var stream = File.OpenRead(copy))
                {
                    VerifyStream(target, stream);
                }
            }

            if (Directory.Exists(final))
            {
                Directory.Delete(final, recursive: true);
            }

            Directory.Move(temp, final);
            return final;
        }
        finally
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }
        }
    }

    private static async Task<TargetMatch> FindAsync(TufUpdater updater, string path, string releaseId, CancellationToken cancellationToken) =>
        await updater.FindTargetAsync(path, cancellationToken)
            ?? throw new ReleaseRefusedException(path.EndsWith("/release.json", StringComparison.Ordinal)
                ? $"release {releaseId} is not in the verified targets metadata"
                : $"{path} is listed by release.json but is not in the verified targets metadata");

    /// <summary>
    /// Before the first artifact byte is fetched: the bytes still to download (partials and cached targets count as
    /// present) plus the reserve must be free, else the release is refused instead of filling the disk.
    /// </summary>
    private void CheckFreeDisk(TufUpdater updater, List<TargetMatch> targets, long total)
    {
        var present = targets.Sum(updater.BytesPresent);
        var needed = total - present;
        var free = freeBytes();
        if (free < needed + DiskReserveBytes)
        {
            throw new ReleaseRefusedException(
                $"not enough disk: {needed} bytes to download ({total} in the release, {present} already here) plus a {DiskReserveBytes} byte reserve, {free} free",
                UpdateFailureCause.NotEnoughDisk);
        }
    }

    private static async Task<string> Download(TufUpdater updater, TargetMatch target, Action<long>? progress, CancellationToken cancellationToken)
    {
        try
        {
            return await updater.DownloadAsync(target.Path, progress, cancellationToken);
        }
        catch (TufException ex) when (ex.Failure is not TufFailure.TargetNotFound)
        {
            throw new ReleaseRefusedException($"{target.Path}: {ex.Message}", ex);
        }
    }

    private static void Verify(TargetMatch target, byte[] bytes)
    {
        try
        {
            TargetVerifier.Verify(target.Path, target.File, bytes);
        }
        catch (TufException ex)
        {
            throw new ReleaseRefusedException($"{target.Path}: {ex.Message}", ex);
        }
    }

    private static void VerifyStream(TargetMatch target, Stream stream)
    {
        try
        {
            TargetVerifier.Verify(target.Path, target.File, stream);
        }
        catch (TufException ex)
        {
            throw new ReleaseRefusedException($"{target.Path}: {ex.Message}", ex);
        }
    }

    [GeneratedRegex("^(?<name>[a-z0-9][a-z0-9._-]{0,63})@(?<version>[0-9A-Za-z.+-]{1,64})$", RegexOptions.CultureInvariant)]
    private static partial Regex ReleaseId();
}
