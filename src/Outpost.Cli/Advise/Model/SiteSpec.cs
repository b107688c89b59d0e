namespace Outpost.Cli.Advise.Model;

/// <summary>A site profile; <see cref="Count"/> identical sites share it.</summary>
internal sealed record SiteSpec
{
    public string Name { get; set; } = "site";
    public int Count { get; set; } = 1;
    public int DevicesPerSite { get; set; } = 1;
    public IReadOnlyList<SourceSpec> Sources { get; set; } = [];
    public LinkSpec Link { get; set; } = new();
}
