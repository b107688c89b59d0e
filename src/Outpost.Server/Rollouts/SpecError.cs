namespace Outpost.Server.Rollouts;

/// <summary>Why a rollout spec is refused: the JSON path of the field and what to change.</summary>
internal sealed record SpecError(string Field, string Message);
