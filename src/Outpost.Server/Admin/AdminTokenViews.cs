using Outpost.Protocol.Admin;
using Outpost.Server.Storage;

namespace Outpost.Server.Admin;

internal static class AdminTokenViews
{
    public static AdminTokenView ToView(this AdminTokenRecord token) => new()
    {
        Id = token.Id,
        Name = token.Name,
        Role = token.Role,
        CreatedAt = token.CreatedAt,
        RevokedAt = token.RevokedAt,
    };
}
