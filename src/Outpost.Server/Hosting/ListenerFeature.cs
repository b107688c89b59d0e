namespace Outpost.Server.Hosting;

/// <summary>
/// Set on every connection by the listener that accepted it. Routing decides by this, never by the Host header,
/// which the client controls.
/// </summary>
internal sealed record ListenerFeature(ListenerKind Kind);
