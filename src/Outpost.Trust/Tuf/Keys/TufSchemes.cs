namespace Outpost.Trust.Tuf.Keys;

/// <summary>The signature schemes and key types this client implements (TUF 4.2 KEYTYPE / SCHEME).</summary>
public static class TufSchemes
{
    public const string Ed25519 = "ed25519";
    public const string EcdsaP256 = "ecdsa-sha2-nistp256";
    public const string RsaPss = "rsassa-pss-sha256";
    public const string RsaPkcs1 = "rsa-pkcs1v15-sha256";

    public const string Ed25519KeyType = "ed25519";

    /// <summary>securesystemslib writes "ecdsa"; older go-tuf and sigstore roots write the scheme name.</summary>
    public const string EcdsaKeyType = "ecdsa";
    public const string LegacyEcdsaKeyType = "ecdsa-sha2-nistp256";
    public const string RsaKeyType = "rsa";

    public static IReadOnlyList<string> All { get; } = [Ed25519, EcdsaP256, RsaPss, RsaPkcs1];
}
