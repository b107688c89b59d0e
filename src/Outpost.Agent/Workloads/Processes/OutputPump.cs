using System.Globalization;
using System.Text;

namespace Outpost.Agent.Workloads.Processes;

/// <summary>
/// Copies one output stream of a process into its log, a line at a time, each prefixed with the UTC time and the
/// stream (<c>2026-11-29T03:40:00.123Z err message</c>). A line longer than <see cref="MaxLineBytes"/> is cut into
/// pieces so a process that never prints a newline cannot make the agent buffer without bound.
/// </summary>
internal static class OutputPump
{
    public const int MaxLineBytes = 8192;

    public static async Task RunAsync(Stream source, string stream, RotatingLog log, TimeProvider time)
    {
        var buffer = new byte[MaxLineBytes];
        var line = new byte[MaxLineBytes];
        var pending = 0;
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer)) > 0)
            {
                var chunk = buffer.AsMemory(0, read);
                while (!chunk.IsEmpty)
                {
                    var newline = chunk.Span.IndexOf((byte)'\n');
                    var take = Math.Min(newline < 0 ? chunk.Length : newline, MaxLineBytes - pending);
                    chunk.Span[..take].CopyTo(line.AsSpan(pending));
                    pending += take;
                    chunk = chunk[take..];
                    var ended = !chunk.IsEmpty && chunk.Span[0] == (byte)'\n';
                    if (ended || pending == MaxLineBytes)
                    {
                        Write(log, time, stream, line.AsSpan(0, pending));
                        pending = 0;
                        chunk = ended ? chunk[1..] : chunk;
                    }
                }

                log.Flush();
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The pipe went away with the process (or was closed on stop): what was read is logged below.
        }

        if (pending > 0)
        {
            Write(log, time, stream, line.AsSpan(0, pending));
            log.Flush();
        }
    }

    private static void Write(RotatingLog log, TimeProvider time, string stream, ReadOnlySpan<byte> text)
    {
        var prefix = Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture, $"{time.GetUtcNow():yyyy-MM-ddTHH:mm:ss.fffZ} {stream} "));
        var whole = new byte[prefix.Length + text.Length + 1];
        prefix.CopyTo(whole, 0);
        text.CopyTo(whole.AsSpan(prefix.Length));
        whole[^1] = (byte)'\n';
        log.WriteLine(whole);
    }
}
