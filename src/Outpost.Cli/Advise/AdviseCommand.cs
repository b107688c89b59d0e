using System.CommandLine;
using System.Text.Json;
using Outpost.Cli.Advise.Catalog;
using Outpost.Cli.Advise.Loading;
using Outpost.Cli.Advise.Rendering;

namespace Outpost.Cli.Advise;

/// <summary><c>outpost advise workload.yaml [--json] [--markdown FILE] [--html FILE]</c>.</summary>
internal static class AdviseCommand
{
    // Stdout JSON is never embedded in HTML, so readable '<', '+' and quotes beat \u003C escapes.
    private static readonly AdviseJsonContext OutputJson = new(new JsonSerializerOptions(AdviseJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static Command Create()
    {
        var workload = new Argument<FileInfo>("workload") { Description = "Workload file (YAML; see docs/advise/README.md)" };
        var json = new Option<bool>("--json") { Description = "Write the report as JSON to stdout" };
        var markdown = new Option<FileInfo?>("--markdown") { Description = "Also write a Markdown report to FILE", HelpName = "FILE" };
        var html = new Option<FileInfo?>("--html") { Description = "Also write a self-contained HTML report with a cost chart to FILE", HelpName = "FILE" };
        var command = new Command("advise", "Decide whether a workload belongs at the edge or in the cloud, with the numbers")
        {
            workload, json, markdown, html,
        };
        command.SetAction((parseResult, ct) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            return Task.FromResult(Run(
                parseResult.GetRequiredValue(workload), parseResult.GetValue(json),
                parseResult.GetValue(markdown), parseResult.GetValue(html), output, error));
        });
        return command;
    }

    private static int Run(FileInfo file, bool json, FileInfo? markdown, FileInfo? html, TextWriter output, TextWriter error)
    {
        AdviceReport report;
        try
        {
            if (!file.Exists)
            {
                throw new AdviseInputException(file.ToString(), "file not found");
            }

            report = Advisor.Advise(WorkloadLoader.LoadFile(file.FullName, CatalogStore.Default));
        }
        catch (AdviseInputException ex)
        {
            error.WriteLine($"error: {ex.Message}");
            return 1;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A defect, not bad input; still one line, never a stack trace on the operator's terminal.
            error.WriteLine($"error: {file}: {ex.GetType().Name}: {ex.Message}");
            return 1;
        }

        if (!TryWrite(markdown, "--markdown", () => MarkdownRenderer.Render(report), error)
            || !TryWrite(html, "--html", () => HtmlRenderer.Render(report), error))
        {
            return 1;
        }

        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(report, OutputJson.AdviceReport));
            return 0;
        }

        output.Write(TextRenderer.Render(report));
        foreach (var (target, kind) in new[] { (markdown, "Markdown"), (html, "HTML") })
        {
            if (target is not null)
            {
                output.WriteLine($"wrote {kind} report to {target}");
            }
        }

        return 0;
    }

    private static bool TryWrite(FileInfo? target, string option, Func<string> render, TextWriter error)
    {
        if (target is null)
        {
            return true;
        }

        try
        {
            File.WriteAllText(target.FullName, render());
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {option}: cannot write {target}: {ex.Message}");
            return false;
        }
    }
}
