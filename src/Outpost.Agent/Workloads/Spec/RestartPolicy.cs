namespace Outpost.Agent.Workloads.Spec;

internal enum RestartPolicy
{
    /// <summary>Restart after every exit, clean or not.</summary>
    Always,

    /// <summary>Restart after a non-zero exit or a signal; exit code 0 means the process is done.</summary>
    OnFailure,

    /// <summary>Never restart: any exit fails the release (ProcessExited).</summary>
    Never,
}
