using System.Reflection;

namespace Outpost.Agent;

/// <summary>The version reported on check-in and by <c>--version</c> (the assembly's informational version, without build metadata).</summary>
internal static class AgentVersion
{
    public static string Current { get; } = Read();

    private static string Read()
    {
        var version = typeof(AgentVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
