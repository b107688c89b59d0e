namespace Outpost.Agent.Updates.Releases;

/// <summary>Verification said no: the release is not signed, or a file differs from what the signed targets say.</summary>
internal sealed class ReleaseRefusedException : Exception
{
    public ReleaseRefusedException()
    {
    }

    public ReleaseRefusedException(string message)
        : base(message)
    {
    }

    public ReleaseRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
