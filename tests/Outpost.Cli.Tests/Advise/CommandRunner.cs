using System.CommandLine;
using Outpost.Cli.Advise;

namespace Outpost.Cli.Tests.Advise;

/// <summary>Runs the real <c>advise</c> command in-process with captured stdout and stderr.</summary>
internal static class CommandRunner
{
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var root = new RootCommand { AdviseCommand.Create() };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Writes <paramref name="yaml"/> to a temporary file, runs advise on it and deletes it.</summary>
    public static (int Exit, string Out, string Err) RunYaml(string yaml, params string[] extra)
    {
        var path = Path.Combine(Path.GetTempPath(), $"advise-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        try
        {
            return Run(["advise", path, .. extra]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A shipped example with one line replaced, for malformed-input cases.</summary>
    public static string ExampleWith(string example, string find, string replace)
    {
        var text = File.ReadAllText(RepoPaths.Example(example));
        Assert.Contains(find, text, StringComparison.Ordinal);
        return text.Replace(find, replace, StringComparison.Ordinal);
    }
}
