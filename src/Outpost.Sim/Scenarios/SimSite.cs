namespace Outpost.Sim.Scenarios;

/// <summary>One site of the simulated fleet.</summary>
public sealed class SimSite
{
    /// <summary>Site name as the server stores it (from the enrollment token).</summary>
    public string Name { get; set; } = "";

    /// <summary>How many devices the site has.</summary>
    public int Devices { get; set; }

    /// <summary>Tags every device of the site gets at enrollment.</summary>
    public List<string> Tags { get; set; } = [];
}
