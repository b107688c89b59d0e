namespace Outpost.Protocol.Admin;

public sealed record CreateAdminTokenRequest
{
    public required string Name { get; init; }

    public required AdminRole Role { get; init; }
}
