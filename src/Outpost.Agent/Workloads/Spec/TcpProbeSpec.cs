namespace Outpost.Agent.Workloads.Spec;

/// <summary>Passes when a TCP connection to host:port opens.</summary>
internal sealed record TcpProbeSpec
{
    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; }
}
