using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Keys;
using Outpost.Trust.Tuf.Metadata;

namespace Outpost.Cli.Keys;

/// <summary>
/// The operator's offline repository folder: keys/root-K.key and keys/targets-K.key, root.json (the latest root)
/// with N.root.json history, and staged/NAME-VERSION/ releases waiting for push.
/// </summary>
internal sealed class TufRepoDirectory(string path)
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public string KeysPath => System.IO.Path.Combine(Path, "keys");

    public string RootFile => System.IO.Path.Combine(Path, "root.json");

    public string StagedPath(string name, string version) => System.IO.Path.Combine(Path, "staged", $"{name}-{version}");

    public string KeyPath(string role, int index) => System.IO.Path.Combine(KeysPath, $"{role}-{index}.key");

    public string VersionedRootFile(long version) => System.IO.Path.Combine(Path, $"{version}.root.json");

    /// <summary>--dir, else $XDG_CONFIG_HOME/outpost/repo, else ~/.config/outpost/repo.</summary>
    public static TufRepoDirectory Resolve(string? dir, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!string.IsNullOrWhiteSpace(dir))
        {
            return new TufRepoDirectory(dir);
        }

        var configHome = context.GetEnvironmentVariable("XDG_CONFIG_HOME");
        if (string.IsNullOrWhiteSpace(configHome) || !System.IO.Path.IsPathRooted(configHome))
        {
            var home = context.GetEnvironmentVariable("HOME");
            configHome = System.IO.Path.Combine(
                string.IsNullOrWhiteSpace(home) ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) : home, ".config");
        }

        return new TufRepoDirectory(System.IO.Path.Combine(configHome, "outpost", "repo"));
    }

    public (byte[] Bytes, TufMetadata<RootMetadata> Root) ReadRoot()
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(RootFile);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliException($"--dir: no root.json in {Path}: run outpost keys init first", ExitCodes.Failure, e);
        }

        try
        {
            return (bytes, MetadataParser.Parse<RootMetadata>(bytes));
        }
        catch (TufException e)
        {
            throw new CliException($"{RootFile}: {e.Message}", ExitCodes.Failure, e);
        }
    }

    /// <summary>Every key file of <paramref name="role"/> whose key the root authorizes for it.</summary>
    public List<TufSigningKey> ReadKeys(string role, RoleKeys authorized, string? passphrase)
    {
        ArgumentNullException.ThrowIfNull(authorized);
        if (!Directory.Exists(KeysPath))
        {
            throw new CliException($"--dir: no keys folder {KeysPath}: run outpost keys init first");
        }

        var keys = new List<TufSigningKey>();
        foreach (var file in Directory.EnumerateFiles(KeysPath, role + "-*.key").Order(StringComparer.Ordinal))
        {
            var key = KeyFile.Read(file, passphrase);
            if (authorized.KeyIds.Contains(key.KeyId))
            {
                keys.Add(key);
            }
            else
            {
                key.Dispose();
            }
        }

        if (keys.Count < authorized.Threshold)
        {
            foreach (var key in keys)
            {
                key.Dispose();
            }

            throw new CliException(
                $"--dir: {keys.Count} {role} key(s) in {KeysPath} match root.json, the {role} threshold is {authorized.Threshold}");
        }

        return keys;
    }
}
