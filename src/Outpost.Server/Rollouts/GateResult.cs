using Outpost.Protocol.Rollouts;

namespace Outpost.Server.Rollouts;

/// <summary>One gate's evaluation: the view shown on the rollout and the evidence a decision records.</summary>
internal sealed record GateResult(RolloutGateView View, RolloutEvidence Evidence)
{
    public bool Failed => View.Passed == false;
}
