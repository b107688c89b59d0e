using System.CommandLine;

namespace Outpost.Cli;

/// <summary>Options every subcommand accepts; each overrides its environment variable, which overrides the config file.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Server { get; } = new("--server")
    {
        Description = "Admin API URL, e.g. http://127.0.0.1:8080 (env OUTPOST_SERVER)",
        Recursive = true,
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = "Admin bearer token (env OUTPOST_TOKEN)",
        Recursive = true,
    };

    public Option<string?> CaFile { get; } = new("--ca-file")
    {
        Description = "PEM file of a private CA to trust for an https admin URL, in addition to the system trust (env OUTPOST_CA_FILE)",
        Recursive = true,
    };

    public void AddTo(Command root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Options.Add(Server);
        root.Options.Add(Token);
        root.Options.Add(CaFile);
    }
}
