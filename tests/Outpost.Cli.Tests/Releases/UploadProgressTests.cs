using Outpost.Cli.Releases;

namespace Outpost.Cli.Tests.Releases;

public sealed class UploadProgressTests
{
    [Fact]
    public void Report_Terminal_RedrawsOneBarInPlace()
    {
        using var error = new StringWriter();
        var progress = new UploadProgress(error, interactive: true);

        progress.Start("app.tar", 4096);
        progress.Report("app.tar", 1024, 4096);
        progress.Report("app.tar", 1030, 4096);
        progress.Report("app.tar", 4096, 4096);
        progress.Done("app.tar", 4096);

        var text = error.ToString();
        Assert.Contains("\rapp.tar [#######.......................]  25% 1.0 KiB / 4.0 KiB", text, StringComparison.Ordinal);
        Assert.Contains("[##############################] 100%", text, StringComparison.Ordinal);
        // Same percentage twice: drawn once.
        Assert.Equal(3, text.Count(c => c == '\r'));
        Assert.EndsWith("app.tar uploaded (4.0 KiB)", text.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_NotATerminal_PlainLinesOnly()
    {
        using var error = new StringWriter();
        var progress = new UploadProgress(error, interactive: false);

        progress.Start("app.tar", 4096);
        progress.Report("app.tar", 1024, 4096);
        progress.Done("app.tar", 4096);

        Assert.Equal(["uploading app.tar (4.0 KiB)", "uploaded app.tar"], error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }
}
