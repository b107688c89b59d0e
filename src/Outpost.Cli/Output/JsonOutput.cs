using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Outpost.Protocol;

namespace Outpost.Cli.Output;

/// <summary>--json: the API's records as the wire format defines them (OutpostJsonContext), indented for people.</summary>
internal static class JsonOutput
{
    public static OutpostJsonContext Context { get; } =
        new(new JsonSerializerOptions(OutpostJsonContext.Default.Options) { WriteIndented = true });

    public static Option<bool> Option() => new("--json") { Description = "Print the API's JSON (for scripts) instead of a table" };

    public static void Write<T>(TextWriter writer, T value, JsonTypeInfo<T> type)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(JsonSerializer.Serialize(value, type));
    }
}
