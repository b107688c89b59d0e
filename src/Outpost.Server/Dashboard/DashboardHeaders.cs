namespace Outpost.Server.Dashboard;

/// <summary>
/// Browser hardening on every dashboard answer: a strict Content-Security-Policy (only this server's own script and
/// stylesheet, no inline script or style — so injected markup cannot run), no framing, no MIME sniffing, no referrer
/// leaving the site, and no caching of pages that show fleet data.
/// </summary>
internal static class DashboardHeaders
{
    private const string Policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static TBuilder WithDashboardHeaders<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var headers = context.HttpContext.Response.Headers;
            headers.ContentSecurityPolicy = Policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            if (!context.HttpContext.Request.Path.StartsWithSegments(DashboardRoutes.Assets, StringComparison.Ordinal))
            {
                headers.CacheControl = "no-store";
            }

            return await next(context);
        });
}
