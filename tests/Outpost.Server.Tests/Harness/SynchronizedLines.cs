namespace Outpost.Server.Tests.Harness;

/// <summary>A TextWriter that records whole lines, standing in for the server's stdout.</summary>
public sealed class SynchronizedLines : TextWriter
{
    private readonly Lock gate = new();
    private readonly List<string> lines = [];
    private readonly System.Text.StringBuilder current = new();

    public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (gate)
            {
                return [.. lines];
            }
        }
    }

    public override void Write(char value)
    {
        lock (gate)
        {
            if (value == '\n')
            {
                lines.Add(current.ToString().TrimEnd('\r'));
                current.Clear();
            }
            else
            {
                current.Append(value);
            }
        }
    }
}
