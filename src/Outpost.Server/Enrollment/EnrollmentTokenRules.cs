using Outpost.Server.Storage;

namespace Outpost.Server.Enrollment;

internal static class EnrollmentTokenRules
{
    /// <summary>Why the token cannot enroll a device now, or null when it can.</summary>
    public static string? RefusalReason(EnrollmentTokenRecord? token, DateTimeOffset now) => token switch
    {
        null => "unknown enrollment token",
        { RevokedAt: not null } => "enrollment token revoked",
        _ when token.ExpiresAt <= now => "enrollment token expired",
        _ when token.Uses >= token.MaxUses => $"enrollment token used up ({token.Uses} of {token.MaxUses} uses)",
        _ => null,
    };
}
