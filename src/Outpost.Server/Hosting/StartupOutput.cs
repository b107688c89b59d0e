namespace Outpost.Server.Hosting;

/// <summary>
/// The machine-readable <c>outpost-server: key=value</c> lines on stdout that the demo and end-to-end tests parse.
/// A separate writer (not the logger) so their format never depends on logging configuration.
/// </summary>
internal sealed class StartupOutput(TextWriter writer)
{
    private readonly Lock gate = new();

    public void Line(string key, string? value = null)
    {
        lock (gate)
        {
            writer.WriteLine(value is null ? $"outpost-server: {key}" : $"outpost-server: {key}={value}");
            writer.Flush();
        }
    }
}
