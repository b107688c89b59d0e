using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Outpost.EndToEnd.Dashboard;

/// <summary>
/// A browser tab on the dashboard: logs in through the real form, visits pages (each saved as a full-page screenshot)
/// and runs the accessibility scan. Every visit asserts nothing about time.
/// </summary>
internal sealed class DashboardTab(IBrowserContext context, IPage page, string prefix) : IAsyncDisposable
{
    public IBrowserContext Context { get; } = context;

    public IPage Page { get; } = page;

    /// <summary>Types the token into the login form and presses "Log in"; returns the answer to the form post (302 when accepted).</summary>
    public async Task<IResponse> LoginAsync(string token)
    {
        await VisitAsync("/dashboard/login", "login");
        await Page.Locator("#token").FillAsync(token);
        var response = await Page.RunAndWaitForResponseAsync(
            () => Page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/dashboard/login", StringComparison.Ordinal));
        // Accepted: the browser follows the redirect; wait until it has committed to the new page (not for its "load"
        // event, which a wait started after the redirect could miss — seen once in CI as a 60 s timeout). The callers'
        // expectations then auto-wait for the content. Refused: the answer is the login page itself.
        if (response.Status is >= 300 and < 400)
        {
            await Page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.EndsWith("/login", StringComparison.Ordinal),
                new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        }

        return response;
    }

    /// <summary>Goes to <paramref name="path"/>, asserts the status, and saves a screenshot named <paramref name="name"/>.</summary>
    public async Task<IResponse> VisitAsync(string path, string name, int expectedStatus = 200)
    {
        var response = await Page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.NotNull(response);
        await ShotAsync(name, response.Status == 200);
        Assert.True(response.Status == expectedStatus, $"GET {path}: {response.Status}, expected {expectedStatus}");
        return response;
    }

    /// <summary>Saves the page as it is now (full page) into the test results; docs pages also into docs when asked.</summary>
    public async Task ShotAsync(string name, bool okForDocs = true)
    {
        var path = Screenshots.NextPath(prefix, name);
        var png = await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot {Page.Url} -> {path}");
        if (okForDocs && Screenshots.DocsFolder is { } docs && Screenshots.DocsPages.Contains(name))
        {
            await File.WriteAllBytesAsync(Path.Combine(docs, name + ".png"), png, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>axe-core on the current page: serious or critical violations fail the test, each named with its nodes.</summary>
    public async Task AssertAccessibleAsync()
    {
        var result = await Page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, $"axe on {Page.Url}: " + string.Join("\n", bad.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} at {string.Join(" | ", v.Nodes.Take(5).Select(n => n.Html))}")));
    }

    /// <summary>The session's CSRF token, as every page carries it in the logout form.</summary>
    public Task<string> CsrfAsync() => Page.Locator("input[name=_csrf]").First.InputValueAsync();

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
