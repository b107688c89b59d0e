namespace Outpost.Cli.Advise.Model;

/// <summary>Round trip from the site to the nearest cloud region.</summary>
internal sealed record NetworkSpec
{
    public double RttP50Ms { get; set; } = double.NaN;
    public double RttP99Ms { get; set; } = double.NaN;
    public double JitterMs { get; set; }
}
