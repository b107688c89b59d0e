namespace Outpost.Agent.Cli;

/// <summary>A parsed command line: the command and its flags (by long name, e.g. "--data-dir").</summary>
internal sealed record CommandLine(string Command, IReadOnlyDictionary<string, string> Flags, bool Force)
{
    public const string Enroll = "enroll";
    public const string Run = "run";
    public const string CheckInOnce = "check-in-once";
    public const string Version = "version";
    public const string Help = "help";
}
