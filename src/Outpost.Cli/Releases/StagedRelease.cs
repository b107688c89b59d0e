using System.Text.Json;

namespace Outpost.Cli.Releases;

/// <summary>staged/NAME-VERSION/artifacts.json: what release push uploads before targets.json.</summary>
internal sealed record StagedRelease
{
    public const string FileName = "artifacts.json";

    public required string Name { get; init; }

    public required string Version { get; init; }

    public required string DeviceClass { get; init; }

    public required long TargetsVersion { get; init; }

    public required IReadOnlyList<StagedArtifact> Artifacts { get; init; }

    public static StagedRelease Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), ReleasesJsonContext.Default.StagedRelease)
                ?? throw new CliException($"{path} is empty");
        }
        catch (JsonException e)
        {
            throw new CliException($"{path} is damaged: {e.Message}", ExitCodes.Failure, e);
        }
    }

    public void Write(string folder) =>
        File.WriteAllBytes(Path.Combine(folder, FileName), JsonSerializer.SerializeToUtf8Bytes(this, ReleasesJsonContext.Default.StagedRelease));
}
