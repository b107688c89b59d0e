using Outpost.Protocol.Admin;

namespace Outpost.Server.Storage;

internal sealed record AdminTokenRecord
{
    public required string Id { get; init; }

    /// <summary>SHA-256 hex of the bearer secret; the secret itself is never stored.</summary>
    public required string TokenHash { get; init; }

    public required string Name { get; init; }

    public required AdminRole Role { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }
}
