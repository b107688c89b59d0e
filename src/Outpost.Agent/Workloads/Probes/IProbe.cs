namespace Outpost.Agent.Workloads.Probes;

/// <summary>One health check of a process. The caller bounds it with the probe's timeout through the token.</summary>
internal interface IProbe
{
    /// <summary>What is probed, for failure details: <c>http probe http://127.0.0.1:8081/healthz</c>.</summary>
    string Description { get; }

    /// <summary>Null when the check passed, else why it failed.</summary>
    Task<string?> CheckAsync(CancellationToken cancellationToken);
}
