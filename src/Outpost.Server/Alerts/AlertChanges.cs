namespace Outpost.Server.Alerts;

/// <summary>What one evaluation round writes, in one transaction.</summary>
internal sealed record AlertChanges(
    DateTimeOffset EvaluatedAt,
    IReadOnlyList<AlertRecord> Fired,
    IReadOnlyList<AlertRecord> StillFiring,
    IReadOnlyList<string> ResolvedIds)
{
    public bool Transitions => Fired.Count > 0 || ResolvedIds.Count > 0;
}
