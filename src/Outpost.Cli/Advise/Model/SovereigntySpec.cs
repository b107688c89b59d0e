namespace Outpost.Cli.Advise.Model;

internal sealed record SovereigntySpec
{
    /// <summary>Data classes (matched against <c>sources[].dataClass</c>) that may not leave the site.</summary>
    public IReadOnlyList<string> RestrictedDataClasses { get; set; } = [];
}
