namespace Outpost.Server.Hosting;

/// <summary>Endpoint metadata: the only listener on which the endpoint exists.</summary>
internal sealed record ListenerMetadata(ListenerKind Kind);
