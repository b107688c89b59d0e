namespace Outpost.Agent.Workloads;

/// <summary>A release's workload spec cannot be run; the message names the field.</summary>
internal sealed class WorkloadSpecException : Exception
{
    public WorkloadSpecException()
    {
    }

    public WorkloadSpecException(string message)
        : base(message)
    {
    }

    public WorkloadSpecException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
