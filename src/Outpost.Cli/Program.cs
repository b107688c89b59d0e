using System.CommandLine;
using Outpost.Cli.Advise;

// Minimal root for the advise branch; the foundation's Program.cs registers the other commands alongside AdviseCommand.
var root = new RootCommand("outpost: the operator CLI for Outpost edge fleets") { AdviseCommand.Create() };
var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var parseError in parse.Errors)
    {
        Console.Error.WriteLine($"error: {parseError.Message}");
    }

    return 2;
}

return await parse.InvokeAsync();
