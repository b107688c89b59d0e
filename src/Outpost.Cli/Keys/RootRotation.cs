using Outpost.Cli.Api;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Client;
using Outpost.Trust.Tuf.Keys;
using Outpost.Trust.Tuf.Verification;

namespace Outpost.Cli.Keys;

/// <summary>
/// <c>outpost keys rotate-root</c> (TUF 5.3.4: the new root carries a threshold of the old root keys and of its
/// own). New keys wait in keys/next until the server accepted the root, then replace the old ones, which move to
/// keys/retired/vN: a refused rotation leaves the repository as it was.
/// </summary>
internal sealed class RootRotation(CliContext context)
{
    public required TufRepoDirectory Repo { get; init; }

    public int? NewKeys { get; init; }

    public int? NewThreshold { get; init; }

    public string? Passphrase { get; init; }

    public async Task RunAsync(AdminApiClient client, CancellationToken ct)
    {
        var (currentBytes, current) = Repo.ReadRoot();
        var currentRole = current.Signed.Role(TufRoles.Root);
        var count = NewKeys ?? currentRole.KeyIds.Count;
        var threshold = NewThreshold ?? Math.Min(currentRole.Threshold, count);
        if (threshold > count)
        {
            throw new CliException($"--new-root-threshold: {threshold} is more than --new-root-keys {count}", ExitCodes.Usage);
        }

        var oldKeys = Repo.ReadKeys(TufRoles.Root, currentRole, Passphrase);
        var scheme = oldKeys[0].Scheme;
        var newKeys = Enumerable.Range(0, count).Select(_ => TufSigningKey.Generate(scheme)).ToList();
        var next = Path.Combine(Repo.KeysPath, "next");
        try
        {
            var now = context.Time.GetUtcNow();
            var rotated = RootBuilder.Rotated(now, current.Signed, [.. newKeys.Select(k => k.PublicKey)], threshold);
            var bytes = MetadataSigner.Sign(rotated, oldKeys.Concat(newKeys));
            // The agent's own check (TUF 5.3.4, 5.3.5) before anything leaves this machine.
            new TrustedMetadataSet(currentBytes, now).UpdateRoot(bytes);
            for (var i = 0; i < newKeys.Count; i++)
            {
                KeyFile.Write(Path.Combine(next, $"{TufRoles.Root}-{i + 1}.key"), newKeys[i], Passphrase);
            }

            try
            {
                await KeysInit.UploadAsync(client, bytes, ct);
            }
            catch
            {
                Directory.Delete(next, recursive: true);
                throw;
            }

            Retire(current.Signed.Version, next);
            File.WriteAllBytes(Repo.VersionedRootFile(rotated.Version), bytes);
            File.WriteAllBytes(Repo.RootFile, bytes);
            context.Output.WriteLine(
                $"Rotated root to v{rotated.Version}: {count} new root keys (threshold {threshold}), signed by " +
                $"{oldKeys.Count} key(s) of v{current.Signed.Version}; old root keys moved to keys/retired/v{current.Signed.Version}.");
        }
        catch (TufException e)
        {
            throw new CliException($"the rotated root does not verify: {e.Message}", ExitCodes.Failure, e);
        }
        finally
        {
            foreach (var key in oldKeys.Concat(newKeys))
            {
                key.Dispose();
            }
        }
    }

    private void Retire(long version, string next)
    {
        var retired = Path.Combine(Repo.KeysPath, "retired", $"v{version}");
        Directory.CreateDirectory(retired);
        foreach (var file in Directory.EnumerateFiles(Repo.KeysPath, TufRoles.Root + "-*.key"))
        {
            File.Move(file, Path.Combine(retired, Path.GetFileName(file)));
        }

        foreach (var file in Directory.EnumerateFiles(next))
        {
            File.Move(file, Path.Combine(Repo.KeysPath, Path.GetFileName(file)));
        }

        Directory.Delete(next);
    }
}
