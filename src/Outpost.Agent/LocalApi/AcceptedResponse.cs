namespace Outpost.Agent.LocalApi;

/// <summary>202 body: how many items went to the outbox (or the aggregator), and how many were suppressed by limits.</summary>
internal sealed record AcceptedResponse(int Accepted, int Suppressed);
