namespace Outpost.Protocol.Admin;

/// <summary>An enrollment token without its secret: the secret is shown once, at creation.</summary>
public sealed record EnrollmentTokenView
{
    public required string Id { get; init; }

    public required string Site { get; init; }

    public IReadOnlyList<string> Tags { get; set; } = [];

    public required int MaxUses { get; init; }

    public required int Uses { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }
}
