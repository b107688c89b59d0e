using System.Text.Json;
using Outpost.Trust.Certificates;

namespace Outpost.Cli.Config;

/// <summary>Finds, reads and writes the CLI config file.</summary>
internal static class CliConfigStore
{
    public const string PathVariable = "OUTPOST_CONFIG";

    /// <summary>$OUTPOST_CONFIG, else $XDG_CONFIG_HOME/outpost/config.json, else ~/.config/outpost/config.json.</summary>
    public static string ResolvePath(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var explicitPath = context.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return Path.GetFullPath(explicitPath);
        }

        var configHome = context.GetEnvironmentVariable("XDG_CONFIG_HOME");
        if (string.IsNullOrWhiteSpace(configHome) || !Path.IsPathRooted(configHome))
        {
            var home = context.GetEnvironmentVariable("HOME");
            if (string.IsNullOrWhiteSpace(home))
            {
                home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            }

            configHome = Path.Combine(home, ".config");
        }

        return Path.Combine(configHome, "outpost", "config.json");
    }

    /// <summary>The stored config, or null when there is none yet.</summary>
    public static CliConfig? Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read config file {path}: {e.Message}");
        }

        try
        {
            return JsonSerializer.Deserialize(text, CliJsonContext.Default.CliConfig)
                ?? throw new CliException($"config file {path} is empty: run outpost login");
        }
        catch (JsonException e)
        {
            throw new CliException($"config file {path} is not valid JSON ({e.Message}): run outpost login again");
        }
    }

    public static void Save(string path, CliConfig config)
    {
        var json = JsonSerializer.Serialize(config, CliJsonContext.Default.CliConfig);
        try
        {
            PrivateFile.Write(path, json + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write config file {path}: {e.Message}");
        }
    }
}
