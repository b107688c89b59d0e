using Outpost.Protocol.Devices;

namespace Outpost.Agent.Updates.Releases;

/// <summary>
/// Verification or a precondition said no: the release is not signed, a file differs from what the signed targets
/// say, or the disk is too small. <see cref="Cause"/> is what the update report names.
/// </summary>
internal sealed class ReleaseRefusedException : Exception
{
    public ReleaseRefusedException()
    {
    }

    public ReleaseRefusedException(string message)
        : base(message)
    {
    }

    public ReleaseRefusedException(string message, UpdateFailureCause cause)
        : base(message)
    {
        Cause = cause;
    }

    public ReleaseRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UpdateFailureCause Cause { get; } = UpdateFailureCause.VerificationFailed;
}
