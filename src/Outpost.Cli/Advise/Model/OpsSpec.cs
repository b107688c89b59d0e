namespace Outpost.Cli.Advise.Model;

internal sealed record OpsSpec
{
    public int Engineers { get; set; } = 1;

    /// <summary>Hours per month the whole team can give to running devices.</summary>
    public double AvailableHoursPerMonth { get; set; } = 40;

    /// <summary>Known values: linux, networking, containers, embedded, ml.</summary>
    public IReadOnlyList<string> Skills { get; set; } = [];

    public double EdgeHoursPerDevicePerMonth { get; set; } = 0.5;
    public double CloudHoursPerMonth { get; set; } = 8;

    /// <summary>One-time work to stand up OTA and observability for the fleet.</summary>
    public double EdgeSetupHours { get; set; } = 80;
}
