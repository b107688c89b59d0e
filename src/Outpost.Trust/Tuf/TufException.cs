namespace Outpost.Trust.Tuf;

/// <summary>A TUF refusal: names the role (or target) concerned and the reason, so callers can report it precisely.</summary>
public sealed class TufException : Exception
{
    public TufException()
        : this("unknown", TufFailure.Format, "TUF verification failed")
    {
    }

    public TufException(string message)
        : this("unknown", TufFailure.Format, message)
    {
    }

    public TufException(string message, Exception innerException)
        : base(message, innerException)
    {
        Role = "unknown";
        Failure = TufFailure.Format;
    }

    public TufException(string role, TufFailure failure, string detail, Exception? innerException = null)
        : base($"{role}: {detail}", innerException)
    {
        Role = role;
        Failure = failure;
    }

    /// <summary>The role name (root, timestamp, snapshot, targets, a delegated role) or the target path refused.</summary>
    public string Role { get; }

    public TufFailure Failure { get; }
}
