using Outpost.Protocol.Admin;
using Outpost.Server.Storage;

namespace Outpost.Server.Enrollment;

internal static class EnrollmentTokenViews
{
    public static EnrollmentTokenView ToView(this EnrollmentTokenRecord token) => new()
    {
        Id = token.Id,
        Site = token.Site,
        Tags = token.Tags,
        MaxUses = token.MaxUses,
        Uses = token.Uses,
        CreatedAt = token.CreatedAt,
        ExpiresAt = token.ExpiresAt,
        RevokedAt = token.RevokedAt,
    };
}
