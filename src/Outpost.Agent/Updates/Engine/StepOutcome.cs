namespace Outpost.Agent.Updates.Engine;

/// <summary>What the runner does after a step.</summary>
internal enum StepOutcome
{
    /// <summary>Go on with the plan.</summary>
    Continue,

    /// <summary>The state changed in a way the rest of the plan did not foresee: plan again.</summary>
    Replan,

    /// <summary>Nothing more to do until the next check-in (a transient failure, a refusal that still holds, a hand-over).</summary>
    Stop,
}
