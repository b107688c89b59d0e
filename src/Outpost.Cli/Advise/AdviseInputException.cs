namespace Outpost.Cli.Advise;

/// <summary>Bad workload input: names the field (a path such as <c>sites[1].sources[0].rawMbps</c>) and the reason.</summary>
internal sealed class AdviseInputException : Exception
{
    public AdviseInputException(string field, string reason)
        : base($"{field}: {reason}")
    {
        Field = field;
        Reason = reason;
    }

    public AdviseInputException()
    {
        Field = string.Empty;
        Reason = string.Empty;
    }

    public AdviseInputException(string message)
        : this(string.Empty, message)
    {
    }

    public AdviseInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
        Reason = message;
    }

    public string Field { get; }
    public string Reason { get; }
}
