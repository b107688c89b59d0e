using System.Globalization;
using Outpost.Cli.Output;

namespace Outpost.Cli.Releases;

/// <summary>
/// Upload progress on stderr (stdout stays for results): a bar redrawn in place on a terminal, one line per file
/// otherwise, so logs and CI output stay readable.
/// </summary>
internal sealed class UploadProgress(TextWriter error, bool interactive)
{
    private const int BarWidth = 30;
    private int lastPercent = -1;

    /// <summary>A terminal only when the writer is the process's stderr and that is not redirected.</summary>
    public static UploadProgress For(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new UploadProgress(context.Error, ReferenceEquals(context.Error, Console.Error) && !Console.IsErrorRedirected);
    }

    public void Start(string name, long length)
    {
        lastPercent = -1;
        if (!interactive)
        {
            error.WriteLine($"uploading {name} ({ByteSize.Format(length)})");
        }
    }

    public void Report(string name, long sent, long length)
    {
        if (!interactive)
        {
            return;
        }

        var percent = length == 0 ? 100 : (int)(100 * sent / length);
        if (percent == lastPercent)
        {
            return;
        }

        lastPercent = percent;
        var filled = percent * BarWidth / 100;
        var bar = new string('#', filled) + new string('.', BarWidth - filled);
        error.Write(string.Create(CultureInfo.InvariantCulture,
            $"\r{name} [{bar}] {percent,3}% {ByteSize.Format(sent)} / {ByteSize.Format(length)}   "));
        error.Flush();
    }

    public void Done(string name, long length) =>
        error.WriteLine(interactive ? $"\r{name} uploaded ({ByteSize.Format(length)})".PadRight(BarWidth + 40) : $"uploaded {name}");
}
