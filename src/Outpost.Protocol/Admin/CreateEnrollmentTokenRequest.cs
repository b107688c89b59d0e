namespace Outpost.Protocol.Admin;

public sealed record CreateEnrollmentTokenRequest
{
    /// <summary>Site that devices enrolled with this token belong to.</summary>
    public required string Site { get; init; }

    public IReadOnlyList<string> Tags { get; set; } = [];

    /// <summary>How many devices may enroll with this token (default 1).</summary>
    public int MaxUses { get; set; } = 1;

    /// <summary>How long the token stays valid (default 24 h).</summary>
    public long ValidForSeconds { get; set; } = 86_400;
}
