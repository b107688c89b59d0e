using System.Globalization;

namespace Outpost.Server.Dashboard;

/// <summary>
/// <c>Server-Timing: app;dur=&lt;ms&gt;</c> on every dashboard page, so the browser (DevTools, Navigation Timing's
/// <c>serverTiming</c>) and the render benchmark can tell server time from network and page time. The clock starts
/// when the dashboard's filters start (session check included) and stops when the response starts — a page's
/// <c>RazorComponentResult</c> renders the whole component before its first write, so Razor rendering is inside.
/// </summary>
internal static class DashboardServerTiming
{
    public const string Header = "Server-Timing";

    public static TBuilder WithServerTiming<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!http.Request.Path.StartsWithSegments(DashboardRoutes.Assets, StringComparison.Ordinal))
            {
                var time = http.RequestServices.GetRequiredService<TimeProvider>();
                var started = time.GetTimestamp();
                http.Response.OnStarting(() =>
                {
                    var ms = time.GetElapsedTime(started).TotalMilliseconds;
                    http.Response.Headers[Header] = string.Create(CultureInfo.InvariantCulture, $"app;dur={ms:0.0}");
                    return Task.CompletedTask;
                });
            }

            return await next(context);
        });
}
