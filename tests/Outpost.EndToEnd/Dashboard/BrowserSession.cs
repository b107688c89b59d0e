using Microsoft.Playwright;

namespace Outpost.EndToEnd.Dashboard;

/// <summary>
/// One Chromium per test class (launched on first use, closed with the class fixture); each test opens its own
/// <see cref="DashboardTab"/> (a fresh browser context: its own cookies, so operator and viewer never share a session).
/// </summary>
internal sealed class BrowserSession(string prefix) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    static BrowserSession()
    {
        // The pages live-refresh every few seconds on a shared, loaded machine: wait generously, never assert durations.
        Assertions.SetDefaultExpectTimeout(60_000);
    }

    public async Task<IBrowser> BrowserAsync()
    {
        Chromium.Require();
        await _gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (_browser is null)
            {
                _playwright = await Playwright.CreateAsync();
                _browser = await _playwright.Chromium.LaunchAsync(Chromium.LaunchOptions);
                TestContext.Current.TestOutputHelper?.WriteLine($"Chromium {_browser.Version}; screenshots in {Screenshots.Folder}");
            }

            return _browser;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A new browser context (laptop-sized window) on the server's admin listener, not logged in.</summary>
    public async Task<DashboardTab> OpenAsync(Uri adminApi, int width = 1280, int height = 800)
    {
        var browser = await BrowserAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = adminApi.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        return new DashboardTab(context, page, prefix);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        _gate.Dispose();
    }
}
