namespace Outpost.Cli.Advise.Model;

internal sealed record OfflineSpec
{
    public bool MustRunThroughOutages { get; set; }

    /// <summary>Longest outage the service must survive, in hours.</summary>
    public double MaxOutageHours { get; set; }
}
