using Outpost.Agent.Configuration;

namespace Outpost.Agent.Cli;

/// <summary>Validated arguments of <c>enroll</c>. Exactly one of <see cref="CaFile"/> and <see cref="CaFingerprint"/> is set.</summary>
/// <remarks>
/// <see cref="TufRoot"/> is the operator's root.json (from <c>outpost keys init</c>): the device's TUF trust anchor.
/// Without it the agent trusts the server's root v1 on first use (docs/agent.md).
/// </remarks>
internal sealed record EnrollArguments(
    Uri Server, string Token, string? CaFile, string? CaFingerprint, string DataDirectory, string DeviceClass, bool Force,
    string? TufRoot = null)
{
    public static EnrollArguments From(CommandLine commandLine, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        var flags = commandLine.Flags;
        var serverText = Required(flags, "--server");
        if (!Uri.TryCreate(serverText, UriKind.Absolute, out var server) || server.Scheme != Uri.UriSchemeHttps
            || string.IsNullOrEmpty(server.Host))
        {
            throw new UsageException($"--server must be an https URL, got '{serverText}'");
        }

        var token = Required(flags, "--token");
        var caFile = flags.GetValueOrDefault("--ca-file");
        var fingerprint = flags.GetValueOrDefault("--ca-fingerprint");
        if ((caFile is null) == (fingerprint is null))
        {
            throw new UsageException("give exactly one of --ca-file PATH or --ca-fingerprint HEX to pin the server's CA");
        }

        if (fingerprint is not null && !IsSha256Hex(fingerprint))
        {
            throw new UsageException("--ca-fingerprint must be a SHA-256 fingerprint: 64 hex digits (':' separators allowed)");
        }

        if (caFile is not null && string.IsNullOrWhiteSpace(caFile))
        {
            throw new UsageException("--ca-file needs a path");
        }

        var deviceClass = flags.GetValueOrDefault("--device-class") ?? environment("OUTPOST_AGENT_DEVICE_CLASS") ?? "generic";
        if (string.IsNullOrWhiteSpace(deviceClass) || deviceClass.Length > 64)
        {
            throw new UsageException("--device-class must be 1 to 64 characters");
        }

        var tufRoot = flags.GetValueOrDefault("--tuf-root");
        if (tufRoot is not null && string.IsNullOrWhiteSpace(tufRoot))
        {
            throw new UsageException("--tuf-root needs a path");
        }

        return new EnrollArguments(
            server, token, caFile, fingerprint, AgentSettings.DataDirectory(flags, environment), deviceClass, commandLine.Force,
            tufRoot);
    }

    private static string Required(IReadOnlyDictionary<string, string> flags, string name) =>
        flags.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new UsageException($"missing {name}");

    private static bool IsSha256Hex(string value)
    {
        var hex = value.Replace(":", "", StringComparison.Ordinal).Trim();
        return hex.Length == 64 && hex.All(char.IsAsciiHexDigit);
    }
}
