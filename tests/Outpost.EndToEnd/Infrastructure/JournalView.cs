namespace Outpost.EndToEnd.Infrastructure;

/// <summary>What a test reads from the agent's <c>update/journal.json</c>.</summary>
internal sealed record JournalView(string? Current, string? Previous, JournalOperation? Operation, int HistoryCount);
