namespace Outpost.Agent.Workloads.Spec;

/// <summary>Passes on a 2xx answer to GET <see cref="Url"/>.</summary>
internal sealed record HttpProbeSpec
{
    public string? Url { get; set; }
}
