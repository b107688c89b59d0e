using Outpost.Protocol.Releases;
using System.Net.Http.Headers;
using Outpost.Cli.Api;
using Outpost.Cli.Releases;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Client;
using Outpost.Trust.Tuf.Keys;
using Outpost.Trust.Tuf.Verification;

namespace Outpost.Cli.Keys;

/// <summary>
/// <c>outpost keys init</c>. Keys and root.json are written before the upload: a root the server accepted whose
/// keys were lost could never be rotated again.
/// </summary>
internal sealed class KeysInit(CliContext context)
{
    public required TufRepoDirectory Repo { get; init; }

    public required int RootKeys { get; init; }

    public required int RootThreshold { get; init; }

    public required int TargetsKeys { get; init; }

    public required int TargetsThreshold { get; init; }

    public required string Scheme { get; init; }

    public string? Passphrase { get; init; }

    public async Task RunAsync(AdminApiClient client, CancellationToken ct)
    {
        Validate();
        if (File.Exists(Repo.RootFile) || (Directory.Exists(Repo.KeysPath) && Directory.EnumerateFileSystemEntries(Repo.KeysPath).Any()))
        {
            await ResumeAsync(client, ct);
            return;
        }

        var online = await OnlineKeys.FetchAsync(client, ct);
        var rootKeys = Generate(TufRoles.Root, RootKeys);
        var targetsKeys = Generate(TufRoles.Targets, TargetsKeys);
        try
        {
            var now = context.Time.GetUtcNow();
            var root = RootBuilder.Initial(
                now, [.. rootKeys.Select(k => k.PublicKey)], RootThreshold, [.. targetsKeys.Select(k => k.PublicKey)], TargetsThreshold, online);
            var bytes = MetadataSigner.Sign(root, rootKeys);
            // TUF 5.2: what an agent does with it first; refuse to publish a root that would not load.
            _ = new TrustedMetadataSet(bytes, now);
            File.WriteAllBytes(Repo.VersionedRootFile(1), bytes);
            File.WriteAllBytes(Repo.RootFile, bytes);
            await UploadAsync(client, bytes, ct, $"root.json v1 is in {Repo.Path}; run outpost keys init again to retry the upload");
            context.Output.WriteLine(
                $"Created root.json v1 in {Repo.Path}: {RootKeys} root keys (threshold {RootThreshold}), " +
                $"{TargetsKeys} targets key(s) (threshold {TargetsThreshold}), {Scheme}{(Passphrase is null ? "" : ", encrypted")}.");
            context.Output.WriteLine("Uploaded root v1. Keep the keys folder offline; back it up.");
        }
        finally
        {
            foreach (var key in rootKeys.Concat(targetsKeys))
            {
                key.Dispose();
            }
        }
    }

    public static async Task UploadAsync(AdminApiClient client, byte[] root, CancellationToken ct, string? retryHint = null)
    {
        using var content = new ByteArrayContent(root);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        try
        {
            await client.SendForBytesAsync(HttpMethod.Post, TufApiRoutes.Root, content, ct);
        }
        catch (AdminApiException e)
        {
            throw new AdminApiException(e.StatusCode, $"server refused the root: {e.Message}{(retryHint is null ? "" : "; " + retryHint)}");
        }
        catch (CliException e) when (retryHint is not null)
        {
            throw new CliException($"{e.Message}; {retryHint}", e.ExitCode, e);
        }
    }

    private void Validate()
    {
        if (RootThreshold > RootKeys)
        {
            throw new CliException($"--root-threshold: {RootThreshold} is more than --root-keys {RootKeys}", ExitCodes.Usage);
        }

        if (TargetsThreshold > TargetsKeys)
        {
            throw new CliException($"--targets-threshold: {TargetsThreshold} is more than --targets-keys {TargetsKeys}", ExitCodes.Usage);
        }
    }

    /// <summary>
    /// A folder from an init whose upload failed (server down, refused): upload that root.json v1 again rather than
    /// make new keys. Anything else already there is refused.
    /// </summary>
    private async Task ResumeAsync(AdminApiClient client, CancellationToken ct)
    {
        var existing = $"--dir: {Repo.Path} already holds keys or a root.json; rotate with outpost keys rotate-root";
        if (!File.Exists(Repo.RootFile))
        {
            throw new CliException(existing);
        }

        var (bytes, root) = Repo.ReadRoot();
        if (root.Signed.Version != 1)
        {
            throw new CliException(existing);
        }

        try
        {
            await client.SendForBytesAsync(HttpMethod.Get, TufApiRoutes.Metadata("1.root.json"), null, ct);
            throw new CliException($"{existing} (the server already has a root)");
        }
        catch (AdminApiException e) when (e.StatusCode == 404)
        {
            await UploadAsync(client, bytes, ct);
            context.Output.WriteLine($"Uploaded the existing root.json v1 from {Repo.Path} (no new keys were made).");
        }
    }

    private List<TufSigningKey> Generate(string role, int count)
    {
        var keys = new List<TufSigningKey>();
        for (var i = 1; i <= count; i++)
        {
            var key = TufSigningKey.Generate(Scheme);
            keys.Add(key);
            KeyFile.Write(Repo.KeyPath(role, i), key, Passphrase);
        }

        return keys;
    }
}
