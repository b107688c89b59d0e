namespace Outpost.Cli.Releases;

/// <summary>--artifact [kind=]PATH; the kind defaults to "file".</summary>
internal sealed record ArtifactSpec(string Kind, string Path)
{
    public string FileName => System.IO.Path.GetFileName(Path);

    public static ArtifactSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        var (kind, path) = eq > 0 ? (text[..eq], text[(eq + 1)..]) : ("file", text);
        if (!ReleaseNames.Kinds.Contains(kind))
        {
            throw new CliException(
                $"--artifact: unknown kind '{kind}' in '{text}': expected one of {string.Join(", ", ReleaseNames.Kinds)}", ExitCodes.Usage);
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            throw new CliException($"--artifact: no file in '{text}'", ExitCodes.Usage);
        }

        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new CliException($"--artifact: file not found: {full}");
        }

        var spec = new ArtifactSpec(kind, full);
        ReleaseNames.RequireFileName(spec.FileName, "--artifact");
        if (spec.FileName == ReleaseNames.ManifestFile)
        {
            throw new CliException($"--artifact: '{ReleaseNames.ManifestFile}' is the release manifest's name; rename the file", ExitCodes.Usage);
        }

        return spec;
    }
}
