namespace Outpost.Protocol.Admin;

/// <summary>Body of <c>PUT /v1/devices/{id}/desired-release</c>: <c>NAME@VERSION</c>, or null to clear.</summary>
public sealed record SetDesiredReleaseRequest
{
    public string? Release { get; init; }
}
