namespace Outpost.Server.Alerts;

internal interface IAlertStore
{
    Task<IReadOnlyList<AlertRecord>> ListFiringAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Inserts the fired episodes (skipping a fingerprint that already has a firing row, e.g. written by another
    /// server), refreshes summary and evaluation time of the still-firing ones and resolves the resolved ones (only
    /// if still firing, so a resolve keeps its first time). Returns how many new rows were inserted.
    /// </summary>
    Task<int> ApplyAsync(AlertChanges changes, CancellationToken cancellationToken);

    /// <summary>Newest first (start time, then id).</summary>
    Task<IReadOnlyList<AlertRecord>> ListAsync(AlertQuery query, CancellationToken cancellationToken);

    /// <summary>Deletes resolved alerts resolved before <paramref name="before"/>.</summary>
    Task<int> DeleteResolvedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
