namespace Outpost.Protocol.Admin;

public sealed record AdminTokenView
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required AdminRole Role { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }
}
