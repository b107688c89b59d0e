using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Outpost.Trust.Certificates;

/// <summary>
/// Parses a device's CSR and refuses what must not be signed: unparsable input, a signature that does not verify
/// (proof of possession of the private key), or a weak key.
/// </summary>
public static class CsrValidation
{
    /// <summary>Upper bound for a PEM CSR; real ones are well under 2 KiB.</summary>
    public const int MaxPemLength = 16 * 1024;

    public static CsrValidationResult Validate(string? csrPem)
    {
        if (string.IsNullOrWhiteSpace(csrPem))
        {
            return CsrValidationResult.Fail("csrPem is empty.");
        }

        if (csrPem.Length > MaxPemLength)
        {
            return CsrValidationResult.Fail($"csrPem is longer than {MaxPemLength} characters.");
        }

        CertificateRequest request;
        try
        {
            // LoadSigningRequestPem verifies the self-signature unless told to skip it: a CSR whose signature
            // does not verify proves no possession of the key and is refused here.
            request = CertificateRequest.LoadSigningRequestPem(
                csrPem, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.Default);
        }
        catch (CryptographicException ex)
        {
            return CsrValidationResult.Fail($"csrPem is not a valid PKCS#10 request with a verifying signature: {ex.Message}");
        }
        catch (ArgumentException ex)
        {
            return CsrValidationResult.Fail($"csrPem is not PEM-encoded: {ex.Message}");
        }

        var weakness = KeyStrength.Check(request.PublicKey);
        return weakness is null ? CsrValidationResult.Ok(request) : CsrValidationResult.Fail(weakness);
    }
}
