using System.Text.RegularExpressions;

namespace Outpost.Cli.Releases;

/// <summary>What names may look like (TUF-CONTRACT.md "Release = targets entries"); they become URL path segments.</summary>
internal static partial class ReleaseNames
{
    public const string ManifestFile = "release.json";

    public static readonly IReadOnlyList<string> Kinds = ["app", "model", "config", "agent", "file"];

    public static string TargetPrefix(string name, string version) => $"releases/{name}/{version}/";

    public static void RequireName(string value, string field) =>
        Require(NamePattern().IsMatch(value), field, value, "lowercase letters, digits, '.', '_', '-', starting with a letter or digit, at most 64");

    public static void RequireVersion(string value, string field) =>
        Require(VersionPattern().IsMatch(value) && value is not "." and not "..", field, value, "letters, digits, '.', '+', '-', at most 64");

    public static void RequireDeviceClass(string value, string field) =>
        Require(DeviceClassPattern().IsMatch(value), field, value, "letters, digits, '.', '_', '-', at most 64");

    public static void RequireFileName(string value, string field) =>
        Require(FileNamePattern().IsMatch(value), field, value, "a file name of letters, digits, '.', '_', '+', '-', at most 128");

    /// <summary>NAME@VERSION as release push takes it.</summary>
    public static (string Name, string Version) ParseReference(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == reference.Length - 1)
        {
            throw new CliException($"release: '{reference}' is not NAME@VERSION", ExitCodes.Usage);
        }

        var (name, version) = (reference[..at], reference[(at + 1)..]);
        RequireName(name, "release name");
        RequireVersion(version, "release version");
        return (name, version);
    }

    private static void Require(bool ok, string field, string value, string expected)
    {
        if (!ok)
        {
            throw new CliException($"{field}: invalid value '{value}': expected {expected}", ExitCodes.Usage);
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[0-9A-Za-z.+-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex DeviceClassPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();
}
