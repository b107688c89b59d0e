namespace Outpost.Server.Storage;

internal sealed record EnrollmentTokenRecord
{
    public required string Id { get; init; }

    /// <summary>SHA-256 hex of the secret; the secret itself is never stored.</summary>
    public required string TokenHash { get; init; }

    public required string Site { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public required int MaxUses { get; init; }

    public int Uses { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }
}
