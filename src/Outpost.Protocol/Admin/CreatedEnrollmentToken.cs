namespace Outpost.Protocol.Admin;

public sealed record CreatedEnrollmentToken
{
    /// <summary>The secret to give to <c>outpost-agent enroll --token</c>. Stored only as a hash; shown once.</summary>
    public required string Token { get; init; }

    public required EnrollmentTokenView Info { get; init; }
}
