namespace Outpost.Agent.LocalApi;

/// <summary>One parsed HTTP/1.1 request of the local API: method, path (query dropped) and the whole body.</summary>
internal sealed record LocalHttpRequest(string Method, string Path, ReadOnlyMemory<byte> Body);
