namespace Outpost.Protocol.Admin;

public sealed record CreatedAdminToken
{
    /// <summary>The bearer secret. Stored only as a hash; shown once.</summary>
    public required string Token { get; init; }

    public required AdminTokenView Info { get; init; }
}
