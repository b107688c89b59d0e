namespace Outpost.EndToEnd.Infrastructure;

/// <summary>The journal's in-flight update, as a test reads it.</summary>
internal sealed record JournalOperation(string Target, string? From, string Phase, string? WindowStartedAt);
