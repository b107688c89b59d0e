using Outpost.Agent.Configuration;

namespace Outpost.Agent.Cli;

/// <summary>
/// Hand-rolled on purpose: two commands and a dozen flags do not justify a parser library in a size-budgeted
/// NativeAOT binary. Accepts "--flag value" and "--flag=value"; anything unknown is a <see cref="UsageException"/>.
/// </summary>
internal static class CommandLineParser
{
    public const string Usage =
        "usage: outpost-agent enroll --server URL --token T (--ca-file PATH | --ca-fingerprint HEX) [--data-dir DIR] [--device-class C] [--tuf-root ROOT.json] [--force]\n" +
        "       outpost-agent run [--data-dir DIR] [--check-in-interval T] [--backoff-base T] [--renewal-threshold F] [--request-timeout T] [--boot-window T] [--system-root DIR]\n" +
        "       outpost-agent check-in-once [--data-dir DIR] [--request-timeout T]   (self-update trial: one check-in, exit 0 or 1)\n" +
        "       outpost-agent tuf --metadata-dir DIR [--metadata-url URL ...] (init ROOT_FILE | refresh | download)\n" +
        "       outpost-agent --version";

    private static readonly string[] EnrollFlags = ["--server", "--token", "--ca-file", "--ca-fingerprint", "--data-dir", "--device-class", "--tuf-root"];

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0)
        {
            throw new UsageException("missing command (enroll, run or --version)");
        }

        var command = args[0] switch
        {
            "enroll" => CommandLine.Enroll,
            "run" => CommandLine.Run,
            "check-in-once" => CommandLine.CheckInOnce,
            "--version" or "-V" or "version" => CommandLine.Version,
            "--help" or "-h" or "help" => CommandLine.Help,
            var other => throw new UsageException($"unknown command '{other}' (expected enroll, run or --version)"),
        };

        var allowed = command switch
        {
            CommandLine.Enroll => EnrollFlags,
            CommandLine.Run or CommandLine.CheckInOnce => AgentSettings.All.Select(s => s.Flag).ToArray(),
            _ => [],
        };

        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        var force = false;
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (command == CommandLine.Enroll && arg == "--force")
            {
                force = true;
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[..equals] : arg;
            if (!allowed.Contains(name))
            {
                throw new UsageException(arg.StartsWith('-')
                    ? $"unknown option '{name}' for '{command}'"
                    : $"unexpected argument '{arg}' for '{command}'");
            }

            string value;
            if (equals > 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            else
            {
                throw new UsageException($"option '{name}' needs a value");
            }

            if (!flags.TryAdd(name, value))
            {
                throw new UsageException($"option '{name}' given twice");
            }
        }

        return new CommandLine(command, flags, force);
    }
}
