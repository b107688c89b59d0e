namespace Outpost.Server.Storage;

internal enum EnrollOutcome
{
    Enrolled,

    /// <summary>The token was used up, expired or revoked by the time the transaction ran (e.g. a concurrent enrollment won).</summary>
    TokenNotUsable,
}
