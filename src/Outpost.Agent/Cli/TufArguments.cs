namespace Outpost.Agent.Cli;

/// <summary>
/// The tuf-conformance client protocol: "tuf --metadata-dir DIR [--metadata-url URL] [--target-name NAME ...]
/// [--target-base-url URL] [--target-dir DIR] (init ROOT_FILE | refresh | download)"; flags in any order.
/// </summary>
internal sealed record TufArguments(
    string Command,
    string MetadataDirectory,
    string? RootFile,
    Uri? MetadataUrl,
    Uri? TargetBaseUrl,
    string? TargetDirectory,
    IReadOnlyList<string> TargetNames)
{
    public const string Usage =
        "usage: outpost-agent tuf --metadata-dir DIR init ROOT_FILE\n" +
        "       outpost-agent tuf --metadata-dir DIR --metadata-url URL refresh\n" +
        "       outpost-agent tuf --metadata-dir DIR --metadata-url URL --target-name NAME [--target-name NAME ...] --target-base-url URL --target-dir DIR download";

    private static readonly string[] Flags = ["--metadata-dir", "--metadata-url", "--target-name", "--target-base-url", "--target-dir"];

    public static TufArguments Parse(IReadOnlyList<string> args)
    {
        var flags = Flags.ToDictionary(f => f, _ => new List<string>(), StringComparer.Ordinal);
        var positional = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(arg);
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[..equals] : arg;
            if (!flags.TryGetValue(name, out var values))
            {
                throw new UsageException($"unknown option '{name}' for 'tuf'");
            }

            values.Add(equals > 0 ? arg[(equals + 1)..]
                : i + 1 < args.Count ? args[++i]
                : throw new UsageException($"option '{name}' needs a value"));
        }

        var command = positional.Count > 0 ? positional[0] : throw new UsageException("missing tuf command (init, refresh or download)");
        var metadataDirectory = Single(flags, "--metadata-dir") ?? throw new UsageException("missing --metadata-dir");
        return command switch
        {
            "init" => positional.Count == 2
                ? new TufArguments(command, metadataDirectory, positional[1], null, null, null, [])
                : throw new UsageException("init takes exactly one argument: ROOT_FILE"),
            "refresh" => NoExtra(positional, new TufArguments(command, metadataDirectory, null, Url(flags, "--metadata-url"), null, null, [])),
            "download" => NoExtra(positional, new TufArguments(command, metadataDirectory, null, Url(flags, "--metadata-url"),
                Url(flags, "--target-base-url"),
                Single(flags, "--target-dir") ?? throw new UsageException("missing --target-dir"),
                flags["--target-name"].Count > 0 ? flags["--target-name"] : throw new UsageException("missing --target-name"))),
            _ => throw new UsageException($"unknown tuf command '{command}' (expected init, refresh or download)"),
        };
    }

    private static TufArguments NoExtra(List<string> positional, TufArguments arguments) =>
        positional.Count == 1 ? arguments : throw new UsageException($"unexpected argument '{positional[1]}'");

    private static string? Single(Dictionary<string, List<string>> flags, string name) => flags[name] switch
    {
        [] => null,
        [var value] => value,
        _ => throw new UsageException($"option '{name}' given twice"),
    };

    private static Uri Url(Dictionary<string, List<string>> flags, string name)
    {
        var value = Single(flags, name) ?? throw new UsageException($"missing {name}");
        return Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw new UsageException($"{name} must be an http or https URL");
    }
}
