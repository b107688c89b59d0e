using Microsoft.AspNetCore.Http.Features;

namespace Outpost.Server.Hosting;

internal static class ListenerGuard
{
    /// <summary>After routing: an endpoint reached through the other listener does not exist there (404).</summary>
    public static IApplicationBuilder UseListenerGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var endpoint = context.GetEndpoint();
        var actual = context.Features.Get<ListenerFeature>();
        // An endpoint may name several listeners (public TUF metadata is served on both).
        if (endpoint is not null && (actual is null || !endpoint.Metadata.GetOrderedMetadata<ListenerMetadata>().Any(m => m.Kind == actual.Kind)))
        {
            context.SetEndpoint(null);
            context.Features.Get<IRouteValuesFeature>()?.RouteValues.Clear();
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await next(context);
    });

    public static TBuilder OnListener<TBuilder>(this TBuilder builder, ListenerKind kind)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new ListenerMetadata(kind));
}
