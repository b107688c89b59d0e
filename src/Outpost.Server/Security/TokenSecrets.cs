using System.Security.Cryptography;
using System.Text;

namespace Outpost.Server.Security;

/// <summary>Bearer and enrollment secrets: 160 random bits, shown once, stored only as SHA-256.</summary>
internal static class TokenSecrets
{
    public const string AdminPrefix = "opa_";

    public const string EnrollmentPrefix = "ope_";

    public static string NewSecret(string prefix) => RandomIds.New(prefix, 20);

    /// <summary>SHA-256 is enough here (no salt/stretching): the secrets are random, not passwords.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
