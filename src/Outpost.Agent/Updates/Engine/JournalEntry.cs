namespace Outpost.Agent.Updates.Engine;

/// <summary>One line of the journal's bounded history: a step and how it ended.</summary>
internal sealed record JournalEntry(DateTimeOffset At, string Step, string? Release, string Outcome);
