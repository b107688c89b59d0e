using Outpost.Protocol.Releases;
using System.Net.Http.Headers;
using Outpost.Cli.Api;
using Outpost.Cli.Keys;
using Outpost.Cli.Output;

namespace Outpost.Cli.Releases;

/// <summary>
/// <c>outpost release push</c>: every blob of the staged release first (the server refuses targets that list a
/// missing blob), then the signed targets metadata.
/// </summary>
internal sealed class ReleasePush(CliContext context)
{
    public required TufRepoDirectory Repo { get; init; }

    public required string Name { get; init; }

    public required string Version { get; init; }

    public async Task RunAsync(AdminApiClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        var folder = Repo.StagedPath(Name, Version);
        var targetsFile = Path.Combine(folder, "targets.json");
        if (!File.Exists(targetsFile))
        {
            throw new CliException($"release: {Name}@{Version} is not staged in {Repo.Path}: run outpost release create first");
        }

        var staged = StagedRelease.Read(folder);
        var progress = UploadProgress.For(context);
        foreach (var artifact in staged.Artifacts)
        {
            await UploadAsync(client, artifact, progress, ct);
        }

        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(targetsFile, ct));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        try
        {
            await client.SendForBytesAsync(HttpMethod.Post, TufApiRoutes.Targets, content, ct);
        }
        catch (AdminApiException e)
        {
            throw new AdminApiException(e.StatusCode, $"server refused targets version {staged.TargetsVersion}: {e.Message}");
        }

        context.Output.WriteLine(
            $"Pushed {Name}@{Version}: {staged.Artifacts.Count} blob(s), {ByteSize.Format(staged.Artifacts.Sum(a => a.Length))}, " +
            $"targets version {staged.TargetsVersion}.");
    }

    private static async Task UploadAsync(AdminApiClient client, StagedArtifact artifact, UploadProgress progress, CancellationToken ct)
    {
        var name = artifact.TargetPath[(artifact.TargetPath.LastIndexOf('/') + 1)..];
        FileStream stream;
        try
        {
            stream = new FileStream(artifact.Source, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"artifact {name}: cannot read {artifact.Source}: {e.Message}", ExitCodes.Failure, e);
        }

        await using (stream)
        {
            if (stream.Length != artifact.Length)
            {
                throw new CliException(
                    $"artifact {name}: {artifact.Source} changed since release create ({stream.Length} bytes, signed {artifact.Length}); create a new version");
            }

            progress.Start(name, artifact.Length);
            try
            {
                await client.UploadAsync(
                    HttpMethod.Put, TufApiRoutes.Blob(artifact.Sha256), stream, artifact.Length, sent => progress.Report(name, sent, artifact.Length), ct);
            }
            catch (AdminApiException e)
            {
                throw new AdminApiException(e.StatusCode, $"server refused artifact {name}: {e.Message}");
            }

            progress.Done(name, artifact.Length);
        }
    }
}
