using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography.X509Certificates;

namespace Outpost.Trust.Certificates;

public sealed class CsrValidationResult
{
    private CsrValidationResult(CertificateRequest? request, string? error)
    {
        Request = request;
        Error = error;
    }

    public CertificateRequest? Request { get; }

    /// <summary>Why the CSR was refused, in a sentence fit for a 400 response.</summary>
    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Request))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Request is not null;

    internal static CsrValidationResult Ok(CertificateRequest request) => new(request, null);

    internal static CsrValidationResult Fail(string error) => new(null, error);
}
